namespace ScheduleExplorer.Rewriting.Configuration;

/// <summary>The JSON shape of <c>coyote.json</c>, as written (relative paths, optional members).</summary>
internal sealed class ConfigurationDocument
{
    /// <summary>The folder holding the assemblies, relative to the JSON file (default ".").</summary>
    public string? AssembliesPath { get; set; }

    /// <summary>Where rewritten assemblies go, relative to the JSON file (default: in place).</summary>
    public string? OutputPath { get; set; }

    /// <summary>The assemblies to rewrite, relative to <see cref="AssembliesPath"/>.</summary>
    public List<string?>? Assemblies { get; set; }

    /// <summary>Assemblies never to rewrite (names or file names).</summary>
    public List<string?>? IgnoredAssemblies { get; set; }

    /// <summary>Whether memory accesses are instrumented (default true).</summary>
    public bool? InstrumentMemoryAccesses { get; set; }

    /// <summary>Whether loop back-edges are instrumented (default true).</summary>
    public bool? InstrumentBackEdges { get; set; }

    /// <summary>Locations whose data races are accepted ("Namespace.Type.field", "T[]").</summary>
    public List<string?>? BenignRaces { get; set; }
}
