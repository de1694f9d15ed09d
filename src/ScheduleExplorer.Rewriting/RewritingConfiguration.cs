using System.Text.Json;
using ScheduleExplorer.Rewriting.Configuration;

namespace ScheduleExplorer.Rewriting;

/// <summary>
/// A rewriting configuration file in Coyote's <c>coyote.json</c> format:
/// <c>{"AssembliesPath": ".", "OutputPath": "./rewritten", "Assemblies": ["A.dll"],
/// "IgnoredAssemblies": [], "InstrumentMemoryAccesses": true, "InstrumentBackEdges": true}</c>.
/// <c>AssembliesPath</c> and <c>OutputPath</c> are relative to the JSON file's folder, the
/// <c>Assemblies</c> to <c>AssembliesPath</c>; like Coyote, a missing <c>OutputPath</c> means
/// rewriting in place. Member names are case-insensitive; comments and trailing commas are allowed;
/// unknown members are ignored.
/// </summary>
public sealed class RewritingConfiguration
{
    private RewritingConfiguration(string path, string assembliesPath, string outputPath, IReadOnlyList<string> assemblies, IReadOnlyList<string> ignored, IReadOnlyList<string> benignRaces, ConfigurationDocument document)
    {
        BenignRaces = benignRaces;
        ConfigurationPath = path;
        AssembliesPath = assembliesPath;
        OutputPath = outputPath;
        Assemblies = assemblies;
        IgnoredAssemblies = ignored;
        InstrumentMemoryAccesses = document.InstrumentMemoryAccesses ?? true;
        InstrumentBackEdges = document.InstrumentBackEdges ?? true;
    }

    /// <summary>The full path of the JSON file.</summary>
    public string ConfigurationPath { get; }

    /// <summary>The full path of the folder holding the assemblies.</summary>
    public string AssembliesPath { get; }

    /// <summary>The full path of the folder the rewritten assemblies are written to.</summary>
    public string OutputPath { get; }

    /// <summary>The full paths of the assemblies to rewrite (each exists).</summary>
    public IReadOnlyList<string> Assemblies { get; }

    /// <summary>Assemblies never to rewrite, as written (simple names or file names).</summary>
    public IReadOnlyList<string> IgnoredAssemblies { get; }

    /// <summary>Whether memory accesses are instrumented.</summary>
    public bool InstrumentMemoryAccesses { get; }

    /// <summary>Whether loop back-edges are instrumented.</summary>
    public bool InstrumentBackEdges { get; }

    /// <summary>Locations whose data races are accepted: their accesses are not tracked by the race detector.</summary>
    public IReadOnlyList<string> BenignRaces { get; }

    /// <summary>Loads and validates the configuration file at <paramref name="path"/>.</summary>
    /// <exception cref="RewritingException">
    /// One line naming the file and the problem: file not found, malformed JSON, missing or empty
    /// <c>Assemblies</c>, a folder or listed assembly that does not exist.
    /// </exception>
    public static RewritingConfiguration Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string fullPath = Path.GetFullPath(path);
        string file = Path.GetFileName(fullPath);
        if (!File.Exists(fullPath))
        {
            throw new RewritingException($"{file}: configuration file not found: {fullPath}");
        }

        ConfigurationDocument document = Parse(fullPath, file);
        string folder = Path.GetDirectoryName(fullPath)!;
        string assembliesPath = Path.GetFullPath(Path.Combine(folder, document.AssembliesPath ?? "."));
        if (!Directory.Exists(assembliesPath))
        {
            throw new RewritingException($"{file}: AssembliesPath does not exist: {assembliesPath}");
        }

        string outputPath = document.OutputPath is { Length: > 0 } output ? Path.GetFullPath(Path.Combine(folder, output)) : assembliesPath;
        if (document.Assemblies is not { Count: > 0 } listed)
        {
            throw new RewritingException($"{file}: \"Assemblies\" is missing or empty: list the assemblies to rewrite");
        }

        var assemblies = new List<string>(listed.Count);
        foreach (string? entry in listed)
        {
            if (string.IsNullOrWhiteSpace(entry))
            {
                throw new RewritingException($"{file}: \"Assemblies\" has an empty entry");
            }

            string assembly = Path.GetFullPath(Path.Combine(assembliesPath, entry));
            if (!File.Exists(assembly))
            {
                throw new RewritingException($"{file}: assembly not found: {assembly}");
            }

            assemblies.Add(assembly);
        }

        string[] ignored = [.. (document.IgnoredAssemblies ?? []).OfType<string>().Where(s => s.Length > 0)];
        if ((document.BenignRaces ?? []).Any(string.IsNullOrWhiteSpace))
        {
            throw new RewritingException($"{file}: \"BenignRaces\" has an empty entry: list locations as Namespace.Type.field or T[]");
        }

        string[] benign = [.. (document.BenignRaces ?? []).OfType<string>().Select(s => s.Trim())];
        return new RewritingConfiguration(fullPath, assembliesPath, outputPath, assemblies, ignored, benign, document);
    }

    private static ConfigurationDocument Parse(string fullPath, string file)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(fullPath), ConfigurationJsonContext.Default.ConfigurationDocument)
                ?? throw new RewritingException($"{file}: malformed JSON: the document is null");
        }
        catch (JsonException e)
        {
            string where = e.LineNumber is long line ? $" at line {line + 1}" : string.Empty;
            string reason = e.Message.Split('\n', 2)[0].Split(" Path:", 2)[0].TrimEnd();
            throw new RewritingException($"{file}: malformed JSON{where}: {reason}", e);
        }
    }
}
