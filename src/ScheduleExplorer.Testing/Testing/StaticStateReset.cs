using System.Reflection;
using Microsoft.Extensions.Logging;
using ScheduleExplorer.Rewriting;

namespace ScheduleExplorer.Testing;

/// <summary>
/// Puts the static state of the rewritten assemblies back to what a fresh process has, before every
/// iteration: calls the <c>&lt;ScheduleExplorer&gt;StaticState.Reset()</c> the rewriter adds to each
/// (it clears their static fields and re-runs their type initializers). So a bug never depends on the
/// iteration it was found in, and a trace replays from a fresh start. Generic types are reset too, every
/// closed instantiation initialized so far (see <see cref="Controlled.ControlledGenericStatics"/>). Runs on the engine's thread,
/// outside control, as a type initializer would before the test. Statics of assemblies that are not
/// rewritten (the framework's, for one) are not reset: that is said once, in the log.
/// </summary>
internal sealed class StaticStateReset
{
    /// <summary>The registry type the rewriter emits (see the rewriter's StaticStateEmitter).</summary>
    private const string RegistryTypeName = "<ScheduleExplorer>StaticState";

    private readonly RewritingAssemblyLoadContext _context;
    private readonly ILogger _logger;
    private readonly Dictionary<Assembly, Action?> _resets = [];
    private bool _logged;

    public StaticStateReset(RewritingAssemblyLoadContext context, ILogger logger)
    {
        _context = context;
        _logger = logger;
    }

    /// <summary>Resets every rewritten assembly loaded so far (one loaded later starts fresh anyway).</summary>
    public void Reset()
    {
        foreach (Assembly assembly in _context.Assemblies)
        {
            if (!_resets.TryGetValue(assembly, out Action? reset))
            {
                MethodInfo? method = assembly.GetType(RegistryTypeName)?.GetMethod("Reset", BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes);
                reset = method?.CreateDelegate<Action>();
                _resets[assembly] = reset;
            }

            reset?.Invoke();
        }

        if (!_logged)
        {
            _logged = true;
            _logger.LogInformation(
                "Static fields are reset and type initializers re-run before every iteration (every initialized instantiation of a generic type too), in the rewritten assemblies only ({Assemblies}); statics of other assemblies (the framework's) keep their values across iterations",
                string.Join(", ", _resets.Where(r => r.Value is not null).Select(r => r.Key.GetName().Name)));
        }
    }
}
