using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Stress.Targets;

/// <summary>
/// Loads a workload assembly as built (a plain <see cref="System.Runtime.Loader.AssemblyLoadContext"/>, no
/// rewriting) and finds an entry in it: a public method — static, or on a type with a public parameterless
/// constructor — returning void or Task, named by its full name ("Namespace.Type.Method") or a unique suffix
/// ("Type.Method"). With threads or size given, the sized overload <c>(int threads, int size)</c> is called;
/// without, the parameterless one, or the sized one with the defaults when there is no parameterless one.
/// </summary>
public static class StressEntryResolver
{
    /// <summary>Size used for a sized entry when only the threads are given (or neither, and there is no parameterless entry).</summary>
    public const int DefaultSize = 100_000;

    /// <summary>Loads the assembly at <paramref name="assemblyPath"/> into a plain load context of its own.</summary>
    /// <exception cref="StressInputException">The file is missing or is not a .NET assembly.</exception>
    public static Assembly Load(string assemblyPath, bool collectible = false)
    {
        string path = CheckAssembly(assemblyPath);
        try
        {
            return new PlainLoadContext(path, collectible).LoadFromAssemblyPath(path);
        }
        catch (BadImageFormatException e)
        {
            throw new StressInputException($"not a .NET assembly: {assemblyPath}", e);
        }
    }

    /// <summary>Checks that <paramref name="assemblyPath"/> is an existing .NET assembly; returns its full path.</summary>
    /// <exception cref="StressInputException">The file is missing or is not a .NET assembly.</exception>
    public static string CheckAssembly(string assemblyPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assemblyPath);
        string path = Path.GetFullPath(assemblyPath);
        if (!File.Exists(path))
        {
            throw new StressInputException($"assembly not found: {assemblyPath}");
        }

        try
        {
            using FileStream stream = File.OpenRead(path);
            using var reader = new PEReader(stream);
            if (!reader.HasMetadata || !reader.GetMetadataReader().IsAssembly)
            {
                throw new StressInputException($"not a .NET assembly: {assemblyPath}");
            }
        }
        catch (BadImageFormatException e)
        {
            throw new StressInputException($"not a .NET assembly: {assemblyPath}", e);
        }

        return path;
    }

    /// <summary>Finds the entry <paramref name="name"/> in <paramref name="assembly"/>.</summary>
    /// <param name="assembly">The loaded workload assembly.</param>
    /// <param name="name">Full name or unique suffix of the method.</param>
    /// <param name="threads">Threads for the sized overload, or null.</param>
    /// <param name="size">Size for the sized overload, or null.</param>
    /// <exception cref="StressInputException">The method is missing, ambiguous or of the wrong shape.</exception>
    public static StressEntry Resolve(Assembly assembly, string name, int? threads = null, int? size = null)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        string wanted = name.Trim().Replace('+', '.');
        if (wanted.Contains('(', StringComparison.Ordinal))
        {
            throw new StressInputException($"method '{name}': give the sizes with --threads and --size, not in parentheses.");
        }

        bool sized = threads is not null || size is not null;
        var matches = EntryPoints.Match(assembly, wanted, sized ? 2 : 0);
        if (matches.Count == 0 && !sized)
        {
            // No parameterless entry: a sized one runs with the defaults.
            matches = EntryPoints.Match(assembly, wanted, 2);
            sized = matches.Count > 0;
        }

        if (matches.Count == 0)
        {
            throw new StressInputException(NotFound(assembly, name, wanted, sized));
        }

        if (matches.Count > 1)
        {
            throw new StressInputException(EntryPoints.Ambiguous(assembly, name, matches));
        }

        MethodInfo method = matches[0];
        if (!sized)
        {
            return new StressEntry(method, null, null, null);
        }

        int t = threads ?? Environment.ProcessorCount;
        int s = size ?? DefaultSize;
        return new StressEntry(method, t, s, CountingCompanion.Find(method));
    }

    private static string NotFound(Assembly assembly, string name, string wanted, bool sized)
    {
        if (!EntryPoints.Exists(assembly, wanted))
        {
            return $"method '{name}' not found in {assembly.GetName().Name}.";
        }

        return sized
            ? $"method '{name}' in {assembly.GetName().Name} has no sized overload: --threads/--size need a public (int threads, int size) overload returning void or Task."
            : $"method '{name}' in {assembly.GetName().Name} is not an entry: it must be public, take no parameters or (int threads, int size), and return void or Task.";
    }
}
