using System.Globalization;
using System.Text;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Workloads.Async;

namespace ScheduleExplorer.Cli.Stress;

/// <summary>
/// The second half of <c>schedex demo io</c>: the <see cref="IoBound"/> workload (each request a
/// delay standing for the network) run for real — sequential, a thread per request, and
/// <c>Task.WhenAll</c> — and the same code under the controlled scheduler, where the waits take
/// virtual time: each mode checks it took exactly the expected virtual time in every schedule explored.
/// </summary>
internal static class IoBoundComparison
{
    private const int Schedules = 20;

    public static string Run(int requests, int latencyMs)
    {
        var rows = new (string Mode, Func<TimeSpan> Real, string Entry, int ExpectedMs)[]
        {
            ("sequential (await each)", () => IoBound.SequentialAsync(requests, latencyMs).GetAwaiter().GetResult(), "SequentialTakes", requests * latencyMs),
            ("a thread per request", () => IoBound.ThreadPerRequest(requests, latencyMs), "ThreadPerRequestTakes", latencyMs),
            ("Task.WhenAll", () => IoBound.WhenAllAsync(requests, latencyMs).GetAwaiter().GetResult(), "WhenAllTakes", latencyMs),
        };

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"The same code under control: IoBound, {requests} requests of {latencyMs} ms each (a delay stands for the network)");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"mode",-26} {"real elapsed",14} {"virtual elapsed",16} {"schedules",10} {"real time to explore them",26}");
        foreach (var (mode, real, entry, expected) in rows)
        {
            TimeSpan measured = real();
            string method = $"{typeof(IoBound).FullName}.{entry}({requests.ToString(CultureInfo.InvariantCulture)}, {latencyMs.ToString(CultureInfo.InvariantCulture)}, {expected.ToString(CultureInfo.InvariantCulture)})";
            using var engine = TestingEngine.Create(new TestConfiguration { Iterations = Schedules, Strategy = StrategyKind.Pct, Seed = 1 }, typeof(IoBound).Assembly.Location, method);
            var report = engine.Run();
            string virtualElapsed = report.Bug is null ? $"{expected:N0} ms" : "differs: " + report.Bug.Message;
            text.AppendLine(CultureInfo.InvariantCulture, $"{mode,-26} {measured.TotalMilliseconds,11:N1} ms {virtualElapsed,16} {report.Iterations,10:N0} {report.Elapsed.TotalMilliseconds,23:N1} ms");
        }

        text.AppendLine("Virtual time: each controlled run checks, with the workload's own Stopwatch, that it took exactly that long in every schedule.");
        return text.ToString();
    }
}
