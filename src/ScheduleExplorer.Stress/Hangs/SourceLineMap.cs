using System.Collections.Concurrent;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace ScheduleExplorer.Stress.Hangs;

/// <summary>Maps (module, method token, IL offset) to a source file and line through the module's portable PDB.</summary>
internal sealed class SourceLineMap : IDisposable
{
    private readonly ConcurrentDictionary<string, MetadataReaderProvider?> _pdbs = new(StringComparer.Ordinal);

    /// <summary>The file name and line of the sequence point covering <paramref name="ilOffset"/>, or null.</summary>
    public (string File, int Line)? Find(string? modulePath, int methodToken, int ilOffset)
    {
        if (modulePath is null || ilOffset < 0 || _pdbs.GetOrAdd(modulePath, Open) is not { } provider)
        {
            return null;
        }

        try
        {
            MetadataReader pdb = provider.GetMetadataReader();
            var handle = (MethodDefinitionHandle)MetadataTokens.EntityHandle(methodToken);
            MethodDebugInformation information = pdb.GetMethodDebugInformation(handle.ToDebugInformationHandle());
            SequencePoint? best = null;
            foreach (SequencePoint point in information.GetSequencePoints())
            {
                // The return address of a caller frame is just past its call: the last point at or before it is the call's line.
                if (!point.IsHidden && point.Offset <= ilOffset && (best is null || point.Offset >= best.Value.Offset))
                {
                    best = point;
                }
            }

            return best is { } found ? (Path.GetFileName(pdb.GetString(pdb.GetDocument(found.Document).Name)), found.StartLine) : null;
        }
        catch (Exception e) when (e is BadImageFormatException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        foreach (MetadataReaderProvider? provider in _pdbs.Values)
        {
            provider?.Dispose();
        }
    }

    private static MetadataReaderProvider? Open(string modulePath)
    {
        string pdb = Path.ChangeExtension(modulePath, ".pdb");
        if (!File.Exists(pdb))
        {
            return null;
        }

        try
        {
            return MetadataReaderProvider.FromPortablePdbStream(File.OpenRead(pdb));
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
