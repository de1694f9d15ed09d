using System.Reflection.PortableExecutable;
using Microsoft.Extensions.Logging;
using Mono.Cecil;
using Mono.Cecil.Cil;
using ScheduleExplorer.Rewriting.Diagnostics;

namespace ScheduleExplorer.Rewriting.Modules;

/// <summary>
/// Reads an input assembly fully into memory (the file is never locked) with its portable PDB
/// (next to it, or embedded; a missing or unreadable PDB only costs line information), and writes
/// a rewritten one with its portable PDB to byte arrays.
/// </summary>
internal static class AssemblyIo
{
    /// <summary>
    /// Reads <paramref name="path"/>; <paramref name="hasSymbols"/> tells whether symbols were read.
    /// Throws a one-line <see cref="RewritingException"/> when the file is missing or not a .NET assembly.
    /// </summary>
    public static AssemblyDefinition Read(string path, IAssemblyResolver resolver, ILogger logger, out bool hasSymbols)
    {
        if (!File.Exists(path))
        {
            throw new RewritingException($"file not found: {path}");
        }

        byte[] image = File.ReadAllBytes(path);
        bool embedded = InspectImage(image, path);
        string pdbPath = Path.ChangeExtension(path, ".pdb");
        byte[]? pdb = File.Exists(pdbPath) ? File.ReadAllBytes(pdbPath) : null;
        if (pdb is not null || embedded)
        {
            try
            {
                hasSymbols = true;
                return ReadImage(image, resolver, pdb, embedded);
            }
            catch (Exception e) when (e is BadImageFormatException or InvalidOperationException or SymbolsNotMatchingException or IOException)
            {
                RewriterLog.SymbolsUnreadable(logger, Path.GetFileName(path), e.Message);
            }
        }

        hasSymbols = false;
        try
        {
            return ReadImage(image, resolver, pdb: null, embedded: false);
        }
        catch (Exception e) when (e is BadImageFormatException or EndOfStreamException or ArgumentOutOfRangeException)
        {
            throw new RewritingException($"not a .NET assembly: {Path.GetFileName(path)} ({e.Message})", e);
        }
    }

    /// <summary>Writes <paramref name="assembly"/> (and its portable PDB when <paramref name="withSymbols"/>) to bytes.</summary>
    public static (byte[] Image, byte[]? Symbols) Write(AssemblyDefinition assembly, bool withSymbols)
    {
        using var image = new MemoryStream();
        using var symbols = new MemoryStream();
        var parameters = new WriterParameters { DeterministicMvid = true };
        if (withSymbols)
        {
            parameters.WriteSymbols = true;
            parameters.SymbolWriterProvider = new PortablePdbWriterProvider();
            parameters.SymbolStream = symbols;
        }

        assembly.Write(image, parameters);
        return (image.ToArray(), withSymbols ? symbols.ToArray() : null);
    }

    /// <summary>Checks that <paramref name="image"/> is a .NET assembly; returns whether it embeds a portable PDB.</summary>
    private static bool InspectImage(byte[] image, string path)
    {
        try
        {
            using var reader = new PEReader(new MemoryStream(image));
            if (!reader.HasMetadata)
            {
                throw new RewritingException($"not a .NET assembly: {Path.GetFileName(path)} (no CLI metadata)");
            }

            return reader.ReadDebugDirectory().Any(e => e.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        }
        catch (BadImageFormatException e)
        {
            throw new RewritingException($"not a .NET assembly: {Path.GetFileName(path)}", e);
        }
    }

    private static AssemblyDefinition ReadImage(byte[] image, IAssemblyResolver resolver, byte[]? pdb, bool embedded)
    {
        var parameters = new ReaderParameters
        {
            AssemblyResolver = resolver,
            ReadingMode = ReadingMode.Immediate,
            InMemory = true,
        };
        if (pdb is not null)
        {
            parameters.ReadSymbols = true;
            parameters.SymbolReaderProvider = new PortablePdbReaderProvider();
            parameters.SymbolStream = new MemoryStream(pdb);
        }
        else if (embedded)
        {
            parameters.ReadSymbols = true;
            parameters.SymbolReaderProvider = new EmbeddedPortablePdbReaderProvider();
        }

        return AssemblyDefinition.ReadAssembly(new MemoryStream(image), parameters);
    }
}
