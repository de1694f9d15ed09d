namespace ScheduleExplorer.Workloads.Misbehaving;

/// <summary>
/// Correct producer/consumer samples on event primitives (ManualResetEventSlim, AutoResetEvent,
/// Monitor.Wait/PulseAll). They have no bug: under the harness they must terminate in every schedule and
/// pass their check, so a report here means the harness models the primitive wrongly (or does not support it).
/// </summary>
public static class Events
{
    /// <summary>Default number of consumers / players / producers for the parameterless entries.</summary>
    public const int DefaultThreads = 2;

    /// <summary>Default number of items / rounds for the parameterless entries.</summary>
    public const int DefaultSize = 2;

    /// <summary>Runs the three samples below with their default sizes, one after the other.</summary>
    public static void ProducerConsumer()
    {
        ManualResetEventSlimHandoff();
        AutoResetEventPingPong();
        MonitorWaitPulseQueue();
    }

    /// <summary>Producer publishes 2 items through a ManualResetEventSlim to 2 consumers.</summary>
    public static void ManualResetEventSlimHandoff() => ManualResetEventSlimHandoff(DefaultThreads, DefaultSize);

    /// <summary>Thread "producer" fills <paramref name="size"/> items and sets a ManualResetEventSlim; consumers wait and sum.</summary>
    /// <param name="threads">Number of consumer threads (at least 1).</param>
    /// <param name="size">Number of items (at least 0).</param>
    /// <exception cref="InvalidOperationException">A consumer saw a wrong sum.</exception>
    public static void ManualResetEventSlimHandoff(int threads, int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        ArgumentOutOfRangeException.ThrowIfNegative(size);

        using var handoff = new EventHandoff(threads, size);
        var names = new string[threads + 1];
        var bodies = new ThreadStart[threads + 1];
        names[0] = "producer";
        bodies[0] = handoff.Produce;
        for (var i = 0; i < threads; i++)
        {
            names[i + 1] = $"consumer {i}";
            bodies[i + 1] = new IndexedBody(handoff.Consume, i).Run;
        }

        WorkerThreads.JoinAll(WorkerThreads.Start(names, bodies));
        handoff.Check();
    }

    /// <summary>Two players pass a token back and forth twice with AutoResetEvents.</summary>
    public static void AutoResetEventPingPong() => AutoResetEventPingPong(DefaultThreads, DefaultSize);

    /// <summary>Threads "player i" pass a token around a ring of AutoResetEvents, <paramref name="size"/> rounds each.</summary>
    /// <param name="threads">Number of players (at least 1; 2 is ping-pong).</param>
    /// <param name="size">Rounds per player (at least 0).</param>
    /// <exception cref="InvalidOperationException">Turns went out of order or the token count is wrong.</exception>
    public static void AutoResetEventPingPong(int threads, int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        ArgumentOutOfRangeException.ThrowIfNegative(size);

        using var ring = new TokenRing(threads, size);
        var bodies = new ThreadStart[threads];
        for (var i = 0; i < threads; i++)
        {
            bodies[i] = new IndexedBody(ring.Play, i).Run;
        }

        WorkerThreads.JoinAll(WorkerThreads.Start("player", bodies));

        var expected = (long)threads * size;
        if (ring.Token != expected)
        {
            throw new InvalidOperationException($"Token passed {ring.Token} times, expected {expected}");
        }
    }

    /// <summary>Two producers put 2 items each through a Monitor.Wait/PulseAll bounded queue to one consumer.</summary>
    public static void MonitorWaitPulseQueue() => MonitorWaitPulseQueue(DefaultThreads, DefaultSize);

    /// <summary>Threads "producer i" put 1..<paramref name="size"/> into a bounded queue; thread "consumer" sums them.</summary>
    /// <param name="threads">Number of producer threads (at least 1).</param>
    /// <param name="size">Items per producer (at least 0).</param>
    /// <exception cref="InvalidOperationException">The consumer's sum is wrong.</exception>
    public static void MonitorWaitPulseQueue(int threads, int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        ArgumentOutOfRangeException.ThrowIfNegative(size);

        var pipeline = new QueuePipeline(threads, size);
        var names = new string[threads + 1];
        var bodies = new ThreadStart[threads + 1];
        for (var i = 0; i < threads; i++)
        {
            names[i] = $"producer {i}";
            bodies[i] = new IndexedBody(pipeline.Produce, i).Run;
        }

        names[threads] = "consumer";
        bodies[threads] = pipeline.Consume;

        WorkerThreads.JoinAll(WorkerThreads.Start(names, bodies));
        pipeline.Check();
    }
}
