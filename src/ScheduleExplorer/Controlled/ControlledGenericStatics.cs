using System.ComponentModel;
using System.Reflection;
using System.Runtime.CompilerServices;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// The closed instantiations of the generic types of rewritten code whose statics were initialized,
/// so the reset before an iteration can put them back as a fresh process has them. A generic type has
/// one copy of its statics per instantiation, which the rewriter cannot enumerate: its rewritten type
/// initializer therefore ends by registering the instantiation here, and the rewritten assembly's
/// <c>&lt;ScheduleExplorer&gt;StaticState.Reset()</c> calls <see cref="Clear"/> and then
/// <see cref="Initialize"/> for each generic type definition, in its initialization order.
/// </summary>
/// <remarks>
/// Instantiations are kept per generic type definition, in the order their initializers completed (a
/// dependency initialized from another initializer completes first, so it is re-initialized first).
/// The table is keyed weakly by the definition, so an unloaded assembly's entries go with it.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ControlledGenericStatics
{
    /// <summary>The per-type method that zeroes the type's static fields (see the rewriter's StaticStateEmitter).</summary>
    private const string ClearName = "<ScheduleExplorer>ClearStatics";

    /// <summary>The per-type copy of the type initializer's body.</summary>
    private const string InitializeName = "<ScheduleExplorer>InitializeStatics";

    private static readonly ConditionalWeakTable<Type, Instantiations> s_byDefinition = [];

    [ThreadStatic]
    private static int t_initializerDepth;

    /// <summary>Whether a type initializer of rewritten code (or its re-run copy) is running on this thread.</summary>
    internal static bool InInitializer => t_initializerDepth != 0;

    /// <summary>
    /// Called first by every type initializer of rewritten code, and by its re-run copy: until
    /// <see cref="ExitInitializer"/>, the initializer runs outside control, as one atomic step, exactly as
    /// the reset before an iteration re-runs it. So an initializer first run inside an iteration (a
    /// generic instantiation first touched there) takes no scheduling point and no strategy choice that
    /// later iterations, re-initialized before they start, would not, and a trace never depends on the
    /// iteration it came from. Returns what <see cref="ExitInitializer"/> restores.
    /// </summary>
    public static object? EnterInitializer()
    {
        t_initializerDepth++;
        return ControlledScheduler.Suspend();
    }

    /// <summary>Puts control back as <see cref="EnterInitializer"/> found it (in the initializer's <c>finally</c>).</summary>
    public static void ExitInitializer(object? saved)
    {
        ControlledScheduler.Restore((ControlledOperation?)saved);
        t_initializerDepth--;
    }

    /// <summary>Records that the statics of <paramref name="instantiation"/> (a closed generic type) were initialized.</summary>
    public static void Register(RuntimeTypeHandle instantiation)
    {
        Type type = Type.GetTypeFromHandle(instantiation)!;
        s_byDefinition.GetValue(type.GetGenericTypeDefinition(), _ => new Instantiations()).Add(type);
    }

    /// <summary>
    /// Zeroes the statics of every registered instantiation of <paramref name="definition"/> (an open
    /// generic type), and remembers them for the next <see cref="Initialize"/>.
    /// </summary>
    public static void Clear(RuntimeTypeHandle definition)
    {
        if (s_byDefinition.TryGetValue(Type.GetTypeFromHandle(definition)!, out Instantiations? instantiations))
        {
            instantiations.Clear();
        }
    }

    /// <summary>Re-runs the initializer copies of the instantiations the last <see cref="Clear"/> cleared, in their order.</summary>
    public static void Initialize(RuntimeTypeHandle definition)
    {
        if (s_byDefinition.TryGetValue(Type.GetTypeFromHandle(definition)!, out Instantiations? instantiations))
        {
            instantiations.Initialize();
        }
    }

    /// <summary>The registered instantiations of one generic type definition.</summary>
    private sealed class Instantiations
    {
        private readonly Lock _gate = new();
        private readonly List<(Action Clear, Action? Initialize)> _registered = [];
        private (Action Clear, Action? Initialize)[] _cleared = [];

        public void Add(Type instantiation)
        {
            var methods = (Method(instantiation, ClearName)!, Method(instantiation, InitializeName));
            lock (_gate)
            {
                _registered.Add(methods);
            }
        }

        public void Clear()
        {
            // A snapshot: an instantiation first initialized while the others re-initialize is fresh already.
            lock (_gate)
            {
                _cleared = [.. _registered];
            }

            foreach (var (clear, _) in _cleared)
            {
                clear();
            }
        }

        public void Initialize()
        {
            var cleared = _cleared;
            _cleared = [];
            foreach (var (_, initialize) in cleared)
            {
                try
                {
                    initialize?.Invoke();
                }
                catch (TypeInitializationException)
                {
                    // The copy reached a type whose initializer failed, which stays failed as in a fresh process.
                }
            }
        }

        private static Action? Method(Type instantiation, string name) =>
            instantiation.GetMethod(name, BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.DeclaredOnly, Type.EmptyTypes)?.CreateDelegate<Action>();
    }
}
