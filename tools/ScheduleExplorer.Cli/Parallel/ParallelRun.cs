using System.Diagnostics;
using Microsoft.Extensions.Logging;
using ScheduleExplorer.Cli.Isolation;
using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Cli.Parallel;

/// <summary>
/// <c>schedex test --parallel N</c>: N child processes explore the iterations striped (part k runs
/// iterations k − 1, k − 1 + N, …), each with its own scheduler, and report every iteration here. The
/// run's result is the lowest iteration that ends it (a bug, a crash, "could not test"), final once
/// every iteration before it is done, or else the lowest iteration that saw a data race; the part that ran it prints it with the run's figures, so
/// stdout, the report, the JUnit file, the trace and the exit code are those of a serial run.
/// </summary>
internal sealed class ParallelRun
{
    private static readonly TimeSpan s_logEvery = TimeSpan.FromSeconds(5);
    private readonly object _lock = new();
    private readonly CliConsole _console;
    private readonly ILogger _logger;
    private readonly ProgressLine? _progress;
    private readonly IterationLedger _ledger;
    private readonly int _first;
    private readonly int _count;
    private readonly List<PartProcess> _parts = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private bool _completeSeen;
    private TimeSpan? _exploringSince;

    /// <summary>A run of <paramref name="count"/> iterations from <paramref name="first"/>, writing to <paramref name="console"/>.</summary>
    public ParallelRun(CliConsole console, ILogger logger, ProgressLine? progress, int first, int count)
    {
        _console = console;
        _logger = logger;
        _progress = progress;
        _first = first;
        _count = count;
        _ledger = new IterationLedger(first, count);
    }

    /// <summary>The hidden option that makes a child one part of a parallel run.</summary>
    public const string PartOption = "--parallel-part";

    /// <summary>
    /// Runs <paramref name="parts"/> children with <paramref name="arguments"/> (the command line as
    /// given) and returns the exit code; <paramref name="crash"/> concludes a run whose deciding part crashed.
    /// </summary>
    public int Run(IReadOnlyList<string> arguments, int parts, CancellationToken signal, Func<ChildOutcome, TimeSpan, int> crash)
    {
        var elapsed = _clock;
        _logger.LogInformation("Exploring {Iterations:N0} iterations in {Parts} processes", _count, parts);
        for (int k = 1; k <= parts; k++)
        {
            _parts.Add(new PartProcess(k, Explored, Changed));
        }

        foreach (var part in _parts)
        {
            part.Start([.. arguments, PartOption, $"{part.Index}/{parts}"], signal);
        }

        WaitUntilSettled(elapsed);
        _progress?.Clear();
        var failed = _parts.FirstOrDefault(p => !p.Ended && !p.Crashed);
        if (failed is not null)
        {
            return Fail(failed, elapsed.Elapsed, crash);
        }

        // The time a serial run reports is its exploring time: from the first iteration done, not from the start of the processes.
        var exploring = elapsed.Elapsed - (_exploringSince ?? elapsed.Elapsed);
        var (winner, totals) = Verdict(exploring, signal.IsCancellationRequested);
        foreach (var part in _parts.Where(p => p != winner))
        {
            part.Send(PartProtocol.Discard);
            part.Join(console: null);
        }

        if (winner.Crashed)
        {
            return crash(winner.Outcome!, elapsed.Elapsed);
        }

        winner.Send(totals.Format());
        winner.Join(_console);
        return winner.Outcome!.ExitCode;
    }

    /// <summary>The part that prints the result, and the run's figures up to where a serial run stops.</summary>
    private (PartProcess Winner, PartTotals Totals) Verdict(TimeSpan elapsed, bool interrupted)
    {
        if (_ledger.Complete && _ledger.End is { } end)
        {
            return (_parts[end.Part - 1], _ledger.Totals(end.Iteration - _first + 1, elapsed, interrupted: false, keepResult: true));
        }

        // No iteration ended the run, or a signal or the time budget stopped it before its end was
        // final: the result is the iterations done without a gap, without the bug of a later one. A
        // race among them is the run's bug, as in a serial run where nothing failed: the part that saw
        // the first one reports it (a part reports its first race when none of its iterations failed).
        int prefix = _ledger.Prefix;
        if (_ledger.Race is { } race && race.Iteration - _first < prefix)
        {
            return (_parts[race.Part - 1], _ledger.Totals(prefix, elapsed, interrupted && prefix < _count, keepResult: true));
        }

        var printer = _parts.First(p => p.Ended);
        return (printer, _ledger.Totals(prefix, elapsed, interrupted && prefix < _count, keepResult: false));
    }

    /// <summary>A part ended without exploring (bad input, a workload that cannot load): its own output is the result.</summary>
    private int Fail(PartProcess failed, TimeSpan elapsed, Func<ChildOutcome, TimeSpan, int> crash)
    {
        foreach (var part in _parts.Where(p => p != failed))
        {
            part.Stop();
            part.Send(PartProtocol.Discard);
            part.Join(console: null);
        }

        failed.Join(_console);
        var outcome = failed.Outcome!;
        return outcome.Schedule.Finished ? outcome.ExitCode : crash(outcome, elapsed);
    }

    private void WaitUntilSettled(Stopwatch elapsed)
    {
        var logged = TimeSpan.Zero;
        lock (_lock)
        {
            while (!_parts.All(p => p.Settled))
            {
                Monitor.Wait(_lock, TimeSpan.FromMilliseconds(100));
                if (_exploringSince is { } since)
                {
                    _progress?.Show(_ledger.Done, _count, _ledger.Ends, elapsed.Elapsed - since);
                }

                if (elapsed.Elapsed - logged >= s_logEvery)
                {
                    logged = elapsed.Elapsed;
                    _logger.LogInformation("{Done:N0}/{Iterations:N0} iterations done in {Parts} processes, {Ends:N0} ending the run", _ledger.Done, _count, _parts.Count, _ledger.Ends);
                }
            }
        }
    }

    private void Explored(PartProcess part, ExploredIteration iteration)
    {
        lock (_lock)
        {
            _exploringSince ??= _clock.Elapsed;
        }

        if (_ledger.Record(part.Index, iteration))
        {
            // This part is past the lowest iteration that ends the run: nothing it explores counts.
            part.Stop();
        }

        if (_ledger.Complete && !_completeSeen)
        {
            _completeSeen = true;
            foreach (var other in _parts)
            {
                other.Stop();
            }
        }

        if (iteration.EndsRun)
        {
            Changed();
        }
    }

    private void Changed()
    {
        lock (_lock)
        {
            Monitor.PulseAll(_lock);
        }
    }
}
