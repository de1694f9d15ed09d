using System.Reflection;
using System.Runtime.Loader;

namespace ScheduleExplorer.Coyote;

/// <summary>
/// Loads Coyote-rewritten workload assemblies from their private folder, and everything else —
/// Coyote itself above all, whose runtime the rewritten code calls into — from the default context,
/// so the rewritten code and the <see cref="Microsoft.Coyote.SystematicTesting.TestingEngine"/>
/// share one Coyote runtime. A dependency the default context cannot find is taken from the folder.
/// </summary>
internal sealed class CoyoteWorkloadLoadContext : AssemblyLoadContext
{
    private readonly string _directory;
    private readonly HashSet<string> _rewritten;

    /// <summary>Creates a context over <paramref name="directory"/>, loading <paramref name="rewritten"/> (simple names) from it.</summary>
    public CoyoteWorkloadLoadContext(string directory, IEnumerable<string> rewritten)
        : base($"Coyote rewritten: {Path.GetFileName(directory)}", isCollectible: false)
    {
        _directory = directory;
        _rewritten = new HashSet<string>(rewritten, StringComparer.OrdinalIgnoreCase);
        Resolving += (_, name) => FromDirectory(name);
    }

    /// <inheritdoc/>
    protected override Assembly? Load(AssemblyName assemblyName) =>
        assemblyName.Name is { } name && _rewritten.Contains(name) ? FromDirectory(assemblyName) : null;

    private Assembly? FromDirectory(AssemblyName name)
    {
        string path = Path.Combine(_directory, name.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}
