using System.Diagnostics;
using System.Runtime.CompilerServices;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="Stopwatch"/>: under a controlled run a stopwatch measures virtual time (its
/// state lives beside the real object, which is never started), so a workload that times ten
/// concurrent 5 s waits reads 5 s.
/// </summary>
public static class ControlledStopwatch
{
    private static readonly ConditionalWeakTable<Stopwatch, VirtualWatch> s_watches = new();

    /// <inheritdoc cref="Stopwatch.GetTimestamp"/>
    public static long GetTimestamp() =>
        ControlledScheduler.CurrentOperation is { } operation ? VirtualClock.Timestamp(operation) : Stopwatch.GetTimestamp();

    /// <inheritdoc cref="Stopwatch.GetElapsedTime(long)"/>
    public static TimeSpan GetElapsedTime(long startingTimestamp) => Stopwatch.GetElapsedTime(startingTimestamp, GetTimestamp());

    /// <inheritdoc cref="Stopwatch.StartNew"/>
    public static Stopwatch StartNew()
    {
        var watch = new Stopwatch();
        Start(watch);
        return watch;
    }

    /// <inheritdoc cref="Stopwatch.Start"/>
    public static void Start(Stopwatch stopwatch)
    {
        if (Virtual(stopwatch) is not { } watch)
        {
            stopwatch.Start();
            return;
        }

        if (!watch.IsRunning)
        {
            watch.StartedAt = GetTimestamp();
            watch.IsRunning = true;
        }
    }

    /// <inheritdoc cref="Stopwatch.Stop"/>
    public static void Stop(Stopwatch stopwatch)
    {
        if (Virtual(stopwatch) is not { } watch)
        {
            stopwatch.Stop();
            return;
        }

        if (watch.IsRunning)
        {
            watch.Accumulated += GetTimestamp() - watch.StartedAt;
            watch.IsRunning = false;
        }
    }

    /// <inheritdoc cref="Stopwatch.Reset"/>
    public static void Reset(Stopwatch stopwatch)
    {
        if (Virtual(stopwatch) is not { } watch)
        {
            stopwatch.Reset();
            return;
        }

        watch.Accumulated = 0;
        watch.IsRunning = false;
    }

    /// <inheritdoc cref="Stopwatch.Restart"/>
    public static void Restart(Stopwatch stopwatch)
    {
        Reset(stopwatch);
        Start(stopwatch);
    }

    /// <inheritdoc cref="Stopwatch.IsRunning"/>
    public static bool get_IsRunning(Stopwatch stopwatch) => Virtual(stopwatch)?.IsRunning ?? stopwatch.IsRunning;

    /// <inheritdoc cref="Stopwatch.ElapsedTicks"/>
    public static long get_ElapsedTicks(Stopwatch stopwatch) =>
        Virtual(stopwatch) is { } watch ? watch.Accumulated + (watch.IsRunning ? GetTimestamp() - watch.StartedAt : 0) : stopwatch.ElapsedTicks;

    /// <inheritdoc cref="Stopwatch.Elapsed"/>
    public static TimeSpan get_Elapsed(Stopwatch stopwatch) =>
        Virtual(stopwatch) is not null ? Stopwatch.GetElapsedTime(0, get_ElapsedTicks(stopwatch)) : stopwatch.Elapsed;

    /// <inheritdoc cref="Stopwatch.ElapsedMilliseconds"/>
    public static long get_ElapsedMilliseconds(Stopwatch stopwatch) =>
        Virtual(stopwatch) is not null ? (long)get_Elapsed(stopwatch).TotalMilliseconds : stopwatch.ElapsedMilliseconds;

    private static VirtualWatch? Virtual(Stopwatch stopwatch)
    {
        ArgumentNullException.ThrowIfNull(stopwatch);
        return ControlledScheduler.CurrentOperation is null ? null : s_watches.GetOrCreateValue(stopwatch);
    }

    private sealed class VirtualWatch
    {
        public long StartedAt { get; set; }

        public long Accumulated { get; set; }

        public bool IsRunning { get; set; }
    }
}
