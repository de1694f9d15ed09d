using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using ScheduleExplorer.Common;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Coyote;

/// <summary>
/// Rewrites a workload assembly with Coyote's own rewriter into a private temporary folder, once per
/// process and file version, and loads the rewritten copy. The original file is never changed.
/// </summary>
internal static class CoyoteRewriter
{
    private static readonly ConcurrentDictionary<string, Lazy<Assembly>> s_loaded = new(StringComparer.Ordinal);
    // One private folder per process (mode 0700, unpredictable name), removed when it exits: the
    // rewritten files stay mapped until then. A killed process's folder is swept by the next run.
    private static readonly Lazy<PrivateTempDirectory> s_root = new(PrivateTempDirectory.Create);

    /// <summary>The rewritten, loaded copy of <paramref name="assemblyPath"/>.</summary>
    /// <exception cref="WorkloadException">The file is missing or Coyote cannot rewrite it.</exception>
    public static Assembly Load(string assemblyPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assemblyPath);
        string fullPath = Path.GetFullPath(assemblyPath);
        if (!File.Exists(fullPath))
        {
            throw new WorkloadException($"assembly not found: {fullPath}");
        }

        var file = new FileInfo(fullPath);
        string key = string.Create(CultureInfo.InvariantCulture, $"{fullPath}|{file.Length}|{file.LastWriteTimeUtc.Ticks}");
        return s_loaded.GetOrAdd(key, _ => new Lazy<Assembly>(() => RewriteAndLoad(fullPath))).Value;
    }

    private static Assembly RewriteAndLoad(string fullPath)
    {
        string output = Path.Combine(s_root.Value.Path, Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(output);
        try
        {
            CoyoteInternals.Rewrite(Path.GetDirectoryName(fullPath)!, output, [fullPath], rewriteMemoryAccesses: true);
        }
        catch (InvalidOperationException e)
        {
            throw new WorkloadException($"Coyote could not rewrite {Path.GetFileName(fullPath)}: {e.Message}", e);
        }

        string name = Path.GetFileNameWithoutExtension(fullPath);
        var context = new CoyoteWorkloadLoadContext(output, [name]);
        return context.LoadFromAssemblyName(new AssemblyName(name));
    }
}
