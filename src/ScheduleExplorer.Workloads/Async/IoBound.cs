using System.Diagnostics;

namespace ScheduleExplorer.Workloads.Async;

/// <summary>
/// Ten requests, each waiting on I/O (a delay standing for the network): one after another,
/// one thread per request, or all at once with <c>Task.WhenAll</c>. For I/O-bound work async wins:
/// the concurrent versions take about one latency, the sequential one the sum. Each entry measures
/// itself with a <see cref="Stopwatch"/> and checks the time it took.
/// </summary>
public static class IoBound
{
    /// <summary>Requests one after another: takes at least <paramref name="requests"/> × <paramref name="latencyMs"/>.</summary>
    /// <param name="requests">Number of requests.</param>
    /// <param name="latencyMs">Latency of each, in milliseconds.</param>
    /// <returns>The time it took.</returns>
    public static async Task<TimeSpan> SequentialAsync(int requests, int latencyMs)
    {
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < requests; i++)
        {
            await Task.Delay(latencyMs);
        }

        return watch.Elapsed;
    }

    /// <summary>One blocking thread per request.</summary>
    /// <param name="requests">Number of requests.</param>
    /// <param name="latencyMs">Latency of each, in milliseconds.</param>
    /// <returns>The time it took.</returns>
    public static TimeSpan ThreadPerRequest(int requests, int latencyMs)
    {
        var watch = Stopwatch.StartNew();
        var threads = new Thread[requests];
        for (int i = 0; i < requests; i++)
        {
            threads[i] = new Thread(() => Thread.Sleep(latencyMs)) { Name = $"request {i}" };
            threads[i].Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        return watch.Elapsed;
    }

    /// <summary>All requests at once with <c>Task.WhenAll</c>.</summary>
    /// <param name="requests">Number of requests.</param>
    /// <param name="latencyMs">Latency of each, in milliseconds.</param>
    /// <returns>The time it took.</returns>
    public static async Task<TimeSpan> WhenAllAsync(int requests, int latencyMs)
    {
        var watch = Stopwatch.StartNew();
        var pending = new Task[requests];
        for (int i = 0; i < requests; i++)
        {
            pending[i] = Task.Delay(latencyMs);
        }

        await Task.WhenAll(pending);
        return watch.Elapsed;
    }

    /// <summary>Checks that the sequential version took exactly <paramref name="expectedMs"/> (virtual time).</summary>
    /// <param name="requests">Number of requests.</param>
    /// <param name="latencyMs">Latency of each.</param>
    /// <param name="expectedMs">The time it must take.</param>
    /// <exception cref="InvalidOperationException">It took another time.</exception>
    public static async Task SequentialTakes(int requests, int latencyMs, int expectedMs) => Check("sequential", await SequentialAsync(requests, latencyMs), expectedMs);

    /// <summary>Checks that the thread-per-request version took exactly <paramref name="expectedMs"/> (virtual time).</summary>
    /// <param name="requests">Number of requests.</param>
    /// <param name="latencyMs">Latency of each.</param>
    /// <param name="expectedMs">The time it must take.</param>
    /// <exception cref="InvalidOperationException">It took another time.</exception>
    public static void ThreadPerRequestTakes(int requests, int latencyMs, int expectedMs) => Check("thread per request", ThreadPerRequest(requests, latencyMs), expectedMs);

    /// <summary>Checks that the <c>Task.WhenAll</c> version took exactly <paramref name="expectedMs"/> (virtual time).</summary>
    /// <param name="requests">Number of requests.</param>
    /// <param name="latencyMs">Latency of each.</param>
    /// <param name="expectedMs">The time it must take.</param>
    /// <exception cref="InvalidOperationException">It took another time.</exception>
    public static async Task WhenAllTakes(int requests, int latencyMs, int expectedMs) => Check("Task.WhenAll", await WhenAllAsync(requests, latencyMs), expectedMs);

    private static void Check(string mode, TimeSpan elapsed, int expectedMs)
    {
        if ((long)elapsed.TotalMilliseconds != expectedMs)
        {
            throw new InvalidOperationException($"{mode}: took {elapsed.TotalMilliseconds:0} ms, expected {expectedMs} ms.");
        }
    }
}
