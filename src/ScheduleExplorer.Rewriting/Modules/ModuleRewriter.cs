using Mono.Cecil;
using ScheduleExplorer.Rewriting.Passes;

namespace ScheduleExplorer.Rewriting.Modules;

/// <summary>
/// Runs the passes, one IL concern each, over every method body of a module, in a fixed order:
/// call redirection, call sites, uncontrolled calls, memory accesses, back-edges.
/// Compiler-generated <c>&lt;PrivateImplementationDetails&gt;</c> is never touched. Every method is
/// marked <c>NoInlining</c>, so stack traces (and bug messages) name the same lines in any build.
/// </summary>
internal sealed class ModuleRewriter
{
    private readonly IMethodPass[] _passes =
    [
        new CallRedirectionPass(),

        // Before any pass inserts code: it scans the original instructions back from each call.
        new AtomicTargetPass(),
        new SitePass(),
        new UncontrolledCallPass(),
        new NondeterminismPass(),

        // Before memory accesses: a [ThreadStatic] field is per operation, never a shared location.
        new ThreadStaticPass(),
        new MemoryAccessPass(),
        new CollectionUsePass(),
        new BackEdgePass(),
    ];

    /// <summary>Rewrites the module of <paramref name="context"/>.</summary>
    public void Rewrite(ModuleRewriteContext context)
    {
        foreach (TypeDefinition type in context.Module.GetTypes().ToList())
        {
            if (IsExcluded(type))
            {
                continue;
            }

            foreach (MethodDefinition method in type.Methods)
            {
                if (!method.HasBody)
                {
                    continue;
                }

                // Under control, speed is the scheduler's, not the JIT's: with inlining the stack of
                // a Release build names the caller's line instead of the callee's, so a bug message
                // and its trace would differ between Debug and Release builds of one workload.
                method.AggressiveInlining = false;
                method.NoInlining = true;

                var methodContext = new MethodRewriteContext(method, context);
                foreach (IMethodPass pass in _passes)
                {
                    pass.Apply(methodContext);
                }

                if (methodContext.Complete())
                {
                    context.Statistics.MethodsRewritten++;
                }
            }
        }
    }

    /// <summary>Whether <paramref name="type"/> is compiler or harness infrastructure no pass touches.</summary>
    public static bool IsExcluded(TypeDefinition type)
    {
        for (TypeDefinition? t = type; t is not null; t = t.DeclaringType)
        {
            if (t.Name.StartsWith("<PrivateImplementationDetails>", StringComparison.Ordinal) || t.Name == RewriteMarker.TypeName || t.Name == StaticStateEmitter.RegistryTypeName)
            {
                return true;
            }
        }

        return false;
    }
}
