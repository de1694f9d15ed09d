using System.Diagnostics;
using ScheduleExplorer.Workloads.RealWorld;

namespace ScheduleExplorer.Stress.Demos;

/// <summary>One measured way of making the requests.</summary>
/// <param name="Mode">"sequential", "threads" or "async (Task.WhenAll)".</param>
/// <param name="Threads">Threads blocking on requests (1 for sequential, 0 for async: no thread waits).</param>
/// <param name="ElapsedMs">Time for all the requests.</param>
/// <param name="Succeeded">Successful responses (must equal the requests).</param>
public sealed record IoDemoRow(string Mode, int Threads, double ElapsedMs, int Succeeded);

/// <summary>The I/O-bound demo's result.</summary>
/// <param name="Requests">Requests per row.</param>
/// <param name="LatencyMs">The server's latency per request.</param>
/// <param name="Url">The loopback server's address.</param>
/// <param name="Rows">Sequential, the thread-count sweep, then async.</param>
public sealed record IoDemoResult(int Requests, double LatencyMs, string Url, IReadOnlyList<IoDemoRow> Rows)
{
    /// <summary>What the requests would take one after the other: requests × latency.</summary>
    public double SumOfLatenciesMs => Requests * LatencyMs;

    /// <summary>The thread-sweep row that finished first: the best pool size for this load.</summary>
    public IoDemoRow? BestThreads => Rows.Where(r => r.Mode == IoDemo.Threads).MinBy(r => r.ElapsedMs);
}

/// <summary>
/// Concurrency vs parallelism, I/O-bound: N requests to a real HTTP server on 127.0.0.1 that waits a fixed
/// latency per request, made sequentially, from pools of blocking threads of several sizes, and with
/// async/<c>Task.WhenAll</c>. Waiting needs no core: async takes about one latency (the max, not the sum),
/// and blocking threads get there only with one thread per request in flight.
/// </summary>
public static class IoDemo
{
    /// <summary>The sequential mode's name.</summary>
    public const string Sequential = "sequential";

    /// <summary>The blocking-threads mode's name.</summary>
    public const string Threads = "threads (blocking HttpClient.Send)";

    /// <summary>The async mode's name.</summary>
    public const string Async = "async (Task.WhenAll)";

    /// <summary>Thread counts for the sweep: 1, 2, 4, … up to <paramref name="requests"/>, plus the processor count and the requests.</summary>
    public static IReadOnlyList<int> ThreadCounts(int requests, int maxThreads)
    {
        var counts = new SortedSet<int> { Math.Min(Environment.ProcessorCount, requests), Math.Min(requests, maxThreads) };
        for (int n = 1; n <= Math.Min(requests, maxThreads); n *= 2)
        {
            counts.Add(n);
        }

        return [.. counts.Where(n => n >= 1)];
    }

    /// <summary>Starts the loopback server, runs every mode once (after one warm-up request), stops the server.</summary>
    /// <param name="requests">Requests per mode.</param>
    /// <param name="latency">Server latency per request.</param>
    /// <param name="maxThreads">Largest blocking pool in the sweep.</param>
    /// <param name="log">Told which row starts.</param>
    /// <exception cref="InvalidOperationException">A request failed.</exception>
    public static IoDemoResult Run(int requests, TimeSpan latency, int maxThreads, Action<string>? log = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requests);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxThreads);
        using LoopbackHttpServer server = LoopbackHttpServer.Start(latency);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) + (latency * 4) };
        HttpFetch.Sequential(client, server.Uri, 1);
        var rows = new List<IoDemoRow>();
        log?.Invoke($"{requests} requests one after the other…");
        rows.Add(Measure(Sequential, 1, () => HttpFetch.Sequential(client, server.Uri, requests)));
        foreach (int threads in ThreadCounts(requests, maxThreads))
        {
            log?.Invoke($"{requests} requests from {threads} blocking thread(s)…");
            rows.Add(Measure(Threads, threads, () => HttpFetch.Threads(client, server.Uri, requests, threads)));
        }

        log?.Invoke($"{requests} requests with Task.WhenAll…");
        rows.Add(Measure(Async, 0, () => HttpFetch.WhenAllAsync(client, server.Uri, requests).GetAwaiter().GetResult()));
        if (rows.Find(r => r.Succeeded != requests) is { } failed)
        {
            throw new InvalidOperationException($"{failed.Mode}: {failed.Succeeded} of {requests} requests succeeded");
        }

        return new IoDemoResult(requests, latency.TotalMilliseconds, server.Uri.ToString(), rows);
    }

    private static IoDemoRow Measure(string mode, int threads, Func<int> run)
    {
        long start = Stopwatch.GetTimestamp();
        int succeeded = run();
        return new IoDemoRow(mode, threads, Stopwatch.GetElapsedTime(start).TotalMilliseconds, succeeded);
    }
}
