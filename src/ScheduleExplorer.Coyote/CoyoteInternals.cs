using System.Reflection;
using Microsoft.Coyote;
using Microsoft.Coyote.SystematicTesting;

namespace ScheduleExplorer.Coyote;

/// <summary>
/// The few members of Coyote 1.7.11 that its public API does not expose and this adapter needs:
/// the in-process rewriter (<c>RewritingEngine.Run(RewritingOptions, …)</c>, what <c>coyote rewrite</c>
/// calls) and the DFS strategy (<c>Configuration.WithDFSStrategy</c>). Each is looked up by name once;
/// a Coyote version without them fails with one message naming the member.
/// </summary>
internal static class CoyoteInternals
{
    private const BindingFlags AnyStatic = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;
    private const BindingFlags AnyInstance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    private static readonly Assembly s_test = typeof(TestingEngine).Assembly;
    private static readonly Assembly s_core = typeof(Configuration).Assembly;

    /// <summary>Rewrites assemblies with Coyote's rewriter.</summary>
    /// <param name="inputDirectory">The folder holding the assemblies (Coyote copies it whole to the output first).</param>
    /// <param name="outputDirectory">Where the rewritten copies go.</param>
    /// <param name="assemblies">Full paths of the assemblies to rewrite.</param>
    /// <param name="rewriteMemoryAccesses">Whether field and array accesses get Coyote's race-checking hooks (its default; they are active only with memory-access races enabled).</param>
    public static void Rewrite(string inputDirectory, string outputDirectory, IEnumerable<string> assemblies, bool rewriteMemoryAccesses)
    {
        Type optionsType = Type(s_test, "Microsoft.Coyote.Rewriting.RewritingOptions");
        object options = Method(optionsType, "Create", AnyStatic).Invoke(null, null)!;
        Set(options, "AssembliesDirectory", inputDirectory);
        Set(options, "OutputDirectory", outputDirectory);
        Set(options, "AssemblyPaths", new HashSet<string>(assemblies, StringComparer.Ordinal));
        Set(options, "IsRewritingMemoryLocations", rewriteMemoryAccesses);
        Configuration configuration = Configuration.Create().WithTelemetryEnabled(false);
        using var log = (IDisposable)Activator.CreateInstance(Type(s_core, "Microsoft.Coyote.Logging.LogWriter"), AnyInstance, null, [configuration, false], null)!;
        object profiler = Activator.CreateInstance(Type(s_core, "Microsoft.Coyote.Profiler"), nonPublic: true)!;
        MethodInfo run = typeof(Microsoft.Coyote.Rewriting.RewritingEngine).GetMethods(AnyStatic)
            .SingleOrDefault(m => m.Name == "Run" && m.GetParameters().Length == 4)
            ?? throw Missing("RewritingEngine.Run(RewritingOptions, Configuration, LogWriter, Profiler)");
        Invoke(run, null, [options, configuration, log, profiler]);
    }

    /// <summary>Coyote's DFS strategy (internal in 1.7.11, reachable from its CLI only through the "dfs" name).</summary>
    public static Configuration WithDfsStrategy(Configuration configuration)
    {
        MethodInfo method = Method(typeof(Configuration), "WithDFSStrategy", AnyInstance);
        return (Configuration)Invoke(method, configuration, [])!;
    }

    private static Type Type(Assembly assembly, string name) =>
        assembly.GetType(name, throwOnError: false) ?? throw Missing(name);

    private static MethodInfo Method(Type type, string name, BindingFlags flags) =>
        type.GetMethods(flags).FirstOrDefault(m => m.Name == name && m.GetParameters().Length == 0)
        ?? throw Missing($"{type.Name}.{name}");

    private static void Set(object target, string property, object value)
    {
        PropertyInfo info = target.GetType().GetProperty(property, AnyInstance) ?? throw Missing($"{target.GetType().Name}.{property}");
        info.SetValue(target, value);
    }

    private static object? Invoke(MethodInfo method, object? target, object?[] arguments)
    {
        try
        {
            return method.Invoke(target, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new InvalidOperationException($"Coyote's {method.DeclaringType?.Name}.{method.Name} failed: {e.InnerException.Message}", e.InnerException);
        }
    }

    private static InvalidOperationException Missing(string member) => new(
        $"Microsoft.Coyote {s_test.GetName().Version} has no '{member}': this adapter is built for Coyote 1.7.11.");
}
