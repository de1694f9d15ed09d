namespace ScheduleExplorer.Workloads.Statics;

/// <summary>
/// Per-tenant settings in the statics of a generic type, <c>Settings&lt;TTenant&gt;</c>, whose type
/// initializer takes a lock, counts its loads with <c>Interlocked</c> and writes shared fields: all of
/// them calls that are scheduling points elsewhere. The instantiation is first touched inside the test,
/// so the first iteration runs its real initializer and later ones the re-run copy; the two must take
/// the same steps. Also a generic type whose initializer throws, as it does in every fresh process.
/// </summary>
public static class TenantSettings
{
    /// <summary>The bug: two threads count hits on the settings with a plain <c>++</c> (a lost update in some schedules).</summary>
    /// <exception cref="InvalidOperationException">A hit was lost (some schedules only).</exception>
    public static void RacyHits() => Run(atomic: false);

    /// <summary>Correct: the same count with <c>Interlocked.Increment</c>.</summary>
    /// <exception cref="InvalidOperationException">A hit was lost, or the settings were not loaded once (stale statics only).</exception>
    public static void AtomicHits() => Run(atomic: true);

    /// <summary>
    /// Correct: a generic type's initializer throws, and so does a plain type's (run before the test);
    /// every access, on every thread, throws
    /// <see cref="TypeInitializationException"/> wrapping the same error, as in a fresh process.
    /// </summary>
    /// <exception cref="InvalidOperationException">An access did not throw, or threw something else.</exception>
    public static void FailedInitializer()
    {
        int failures = 0;
        ThreadStart read = () =>
        {
            if (ReadsBroken())
            {
                Interlocked.Increment(ref failures);
            }
        };
        WorkerThreads.JoinAll(WorkerThreads.Start("reader", [read, read]));
        if (ReadsBroken())
        {
            failures++;
        }

        if (failures != 3)
        {
            throw new InvalidOperationException($"{failures} of 3 accesses failed to initialize");
        }
    }

    private static bool ReadsBroken() => Fails(() => Broken<Tenant>.Value) && Fails(() => BrokenDefaults.Value);

    private static bool Fails(Func<int> read)
    {
        try
        {
            return read() < 0;
        }
        catch (TypeInitializationException e) when (e.InnerException is InvalidOperationException { Message: "no settings file" })
        {
            return true;
        }
    }

    private static void Run(bool atomic)
    {
        string name = Settings<Tenant>.Name;
        ThreadStart hit = () =>
        {
            if (atomic)
            {
                Interlocked.Increment(ref Settings<Tenant>.Hits);
            }
            else
            {
                Settings<Tenant>.Hits++;
            }
        };
        WorkerThreads.JoinAll(WorkerThreads.Start("reader", [hit, hit]));
        if (Settings<Tenant>.Hits != 2 || Settings<Tenant>.Loads != 1 || name != "Tenant#1")
        {
            throw new InvalidOperationException($"{Settings<Tenant>.Hits} hits on {name}, loaded {Settings<Tenant>.Loads} times");
        }
    }

    private sealed class Tenant;

    private static class Settings<TTenant>
    {
        public static readonly string Name;
        public static int Hits;
        public static int Loads;
        private static readonly object s_gate = new();

        static Settings()
        {
            lock (s_gate)
            {
                int loads = Interlocked.Increment(ref Loads);
                Name = typeof(TTenant).Name + "#" + loads;
                Hits = 0;
            }
        }
    }

    private static class BrokenDefaults
    {
        public static readonly int Value;

        static BrokenDefaults()
        {
            Value = nameof(BrokenDefaults).Length;
            if (Value > 0)
            {
                throw new InvalidOperationException("no settings file");
            }
        }
    }

    private static class Broken<TTenant>
    {
        public static readonly int Value;

        static Broken()
        {
            Value = typeof(TTenant).Name.Length;
            if (Value > 0)
            {
                throw new InvalidOperationException("no settings file");
            }
        }
    }
}
