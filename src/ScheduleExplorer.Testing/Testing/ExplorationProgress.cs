using System.Diagnostics;
using Microsoft.Extensions.Logging;
using ScheduleExplorer.Detection;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Testing;

/// <summary>Logs a run's start, its progress (every N iterations or 5 s), bugs and the summary.</summary>
internal sealed class ExplorationProgress
{
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(5);
    private readonly ILogger _logger;
    private readonly string _method;
    private readonly string _strategy;
    private readonly int _iterations;
    private readonly int _every;
    private TimeSpan _lastLog;

    public ExplorationProgress(ILogger logger, string method, string strategy, int iterations, int every)
    {
        _logger = logger;
        _method = method;
        _strategy = strategy;
        _iterations = iterations;
        _every = Math.Max(1, every);
    }

    public void Started(ulong seed) =>
        _logger.LogInformation("Exploring {Method} with {Strategy} (seed {Seed}), up to {Iterations:N0} iterations", _method, _strategy, seed, _iterations);

    public void Iteration(int done, long steps, TimeSpan elapsed)
    {
        if (!_logger.IsEnabled(LogLevel.Information) || (done % _every != 0 && elapsed - _lastLog < s_interval))
        {
            return;
        }

        _lastLog = elapsed;
        double rate = done / Math.Max(elapsed.TotalSeconds, 1e-9);
        var eta = TimeSpan.FromSeconds(Math.Round((_iterations - done) / Math.Max(rate, 1e-9)));
        _logger.LogInformation(
            "{Method}: {Done:N0}/{Iterations:N0} iterations, {Steps:N0} steps, {Rate:N0} iterations/s, no bug yet, ETA {Eta}",
            _method, done, _iterations, steps, rate, eta.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
    }

    public void BugFound(int iteration, BugReport bug) =>
        _logger.LogWarning("{Method}: bug found in iteration {Iteration}: {Message}", _method, iteration, bug.Message);

    public void RaceNoted(int iteration, BugReport race) =>
        _logger.LogInformation("{Method}: data race seen in iteration {Iteration} (reported if no failure is found): {Message}", _method, iteration, race.Message);

    public void CouldNotTest(CouldNotTestReport report) =>
        _logger.LogWarning("{Method}: {Summary}", _method, report.Summary);

    public void Minimized(IterationOutcome found, MinimizedSchedule minimized)
    {
        string how = minimized.Minimality switch
        {
            Minimality.Proven => "proven minimal: no schedule with fewer preemptions shows this bug",
            Minimality.OneMinimal => "1-minimal: no single preemption can be dropped; fewer were not all tried",
            _ => "the minimization budget ran out",
        };
        _logger.LogInformation(
            "{Method}: failing schedule minimized from {Found} to {Reported} preemptions and from {FoundSteps:N0} to {ReportedSteps:N0} steps in {Runs:N0} runs ({Minimality})",
            _method, found.Preemptions, minimized.Outcome.Preemptions, found.Steps, minimized.Outcome.Steps, minimized.Runs, how);
    }

    public void TimedOut(TimeSpan timeout) =>
        _logger.LogInformation("{Method}: time budget of {Timeout} spent, stopping", _method, timeout);

    public void Finished(TestReport report)
    {
        Debug.Assert(report.Method == _method, "progress belongs to one run");
        _logger.LogInformation(
            "{Method}: {Result} after {Iterations:N0} iterations ({Steps:N0} steps) in {Elapsed:0.000} s",
            _method, report.BugFound ? "bug found" : report.Divergence is not null ? "replay diverged" : report.CouldNotTest is not null ? "could not test" : "no bug", report.Iterations, report.TotalSteps, report.Elapsed.TotalSeconds);
    }
}
