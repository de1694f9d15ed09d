namespace ScheduleExplorer.Workloads.Primitives;

/// <summary>
/// A codec cache in the statics of a generic type: <c>Codecs&lt;TMessage&gt;.Of&lt;TFormat&gt;</c> builds
/// the codec of one message type and format on first use and keeps it, one copy per instantiation
/// (here over the workload's own <c>Order</c> and <c>Json</c> types). Its statics are a readonly lookup
/// counter, a struct of statistics and the codec itself. Two threads encode an order at once. Each
/// entry only holds (or fails) for the right reason when those statics start fresh, as in a new
/// process: once built, the codec stays, and the counters keep counting.
/// </summary>
public static class CodecCache
{
    /// <summary>
    /// The bug: a check-then-act lazy build; both threads may see no codec and build it twice. Only a
    /// fresh (null) codec can race.
    /// </summary>
    /// <exception cref="InvalidOperationException">The codec was built twice (some schedules only).</exception>
    public static void CheckThenBuild() => Run(locked: false);

    /// <summary>The fix: the same lazy build under a lock; the codec is built exactly once, for two lookups.</summary>
    /// <exception cref="InvalidOperationException">The counts were not one build for two lookups (only with stale statics).</exception>
    public static void BuildUnderLock() => Run(locked: true);

    private static void Run(bool locked)
    {
        ThreadStart encode = () =>
        {
            string codec = Codecs<Order>.Of<Json>.Get(locked);

            // Some unrelated shared work after, so a depth-first search meets the race only late.
            Codecs<Order>.Of<Json>.Statistics.Encoded += codec.Length;
            Codecs<Order>.Of<Json>.Statistics.Encoded -= codec.Length;
        };
        WorkerThreads.JoinAll(WorkerThreads.Start("encoder", [encode, encode]));
        int builds = Codecs<Order>.Of<Json>.Statistics.Builds;
        int lookups = Codecs<Order>.Of<Json>.Lookups;
        if (builds != 1 || lookups != 2)
        {
            throw new InvalidOperationException($"The codec was built {builds} times for {lookups} lookups");
        }
    }

    private sealed class Order;

    private sealed class Json;

    private struct CodecStatistics
    {
        public int Builds;
        public int Encoded;
    }

    private static class Codecs<TMessage>
    {
        public static class Of<TFormat>
        {
            public static CodecStatistics Statistics;

            private static readonly int[] s_lookups = new int[1];
            private static readonly object s_gate = new();
            private static string? s_codec;

            public static int Lookups => s_lookups[0];

            public static string Get(bool locked)
            {
                Interlocked.Increment(ref s_lookups[0]);
                if (!locked)
                {
                    return Build();
                }

                lock (s_gate)
                {
                    return Build();
                }
            }

            private static string Build()
            {
                if (s_codec is null)
                {
                    Statistics.Builds++;
                    s_codec = typeof(TMessage).Name + "/" + typeof(TFormat).Name;
                }

                return s_codec;
            }
        }
    }
}
