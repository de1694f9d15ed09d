using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.Loader;
using System.Text.Json;
using ScheduleExplorer.Common;
using ScheduleExplorer.Stress.Hangs;
using ScheduleExplorer.Stress.Running;
using ScheduleExplorer.Stress.Targets;

namespace ScheduleExplorer.Stress.Child;

/// <summary>
/// Runs a workload entry of an un-rewritten assembly in a child process (this assembly, started with
/// <c>--child</c>) and watches it from here: every finished repetition arrives as a line on the child's
/// standard output; when none arrives for the watchdog's time, the child's threads are inspected (names,
/// stacks, locks) and the child is killed, so a deadlocked workload ends the run instead of hanging it.
/// A child that dies (an unhandled exception on a workload thread) is reported as a crash.
/// </summary>
public sealed class ChildProcessStressRunner
{
    private const int StderrLinesKept = 40;
    private readonly IThreadInspector? _inspector;

    /// <summary>Creates a runner that inspects hung children with <paramref name="inspector"/> (null: report without stacks).</summary>
    public ChildProcessStressRunner(IThreadInspector? inspector)
    {
        _inspector = inspector;
    }

    /// <summary>Runs <paramref name="method"/> of <paramref name="assemblyPath"/> with the sizes and options given.</summary>
    /// <param name="assemblyPath">The workload assembly, as built.</param>
    /// <param name="method">Full name or unique suffix of the entry.</param>
    /// <param name="threads">Threads for the sized overload, or null.</param>
    /// <param name="size">Size for the sized overload, or null.</param>
    /// <param name="options">Repetitions or duration, warm-up and watchdog.</param>
    /// <param name="progress">Called after each finished repetition (warm-ups have index 0).</param>
    /// <returns>The report, with <see cref="StressReport.Hang"/> or <see cref="StressReport.Crash"/> set when the run ended early.</returns>
    /// <exception cref="StressInputException">The assembly, the method or the sizes are bad.</exception>
    public StressReport Run(string assemblyPath, string method, int? threads, int? size, StressOptions options, Action<RepetitionResult>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        // Resolve here first: a bad name or file fails in milliseconds, with no process started.
        (string name, long? operations, string assemblyName) = Describe(assemblyPath, method, threads, size);
        var report = new StressReportBuilder(name, operations);
        var stderr = new ConcurrentQueue<string>();
        using var temp = PrivateTempDirectory.Create();
        using Process child = Start(new ChildArguments(Path.GetFullPath(assemblyPath), method, threads, size, options), stderr, temp.Path);
        temp.RecordChild(child.Id);
        try
        {
            Watch(child, name, assemblyName, options, report, stderr, progress);
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
            }

            child.WaitForExit();
            temp.ChildEnded(child.Id);
        }

        return report.Build();
    }

    private void Watch(Process child, string name, string assemblyName, StressOptions options, StressReportBuilder report, ConcurrentQueue<string> stderr, Action<RepetitionResult>? progress)
    {
        // Not disposed: the reader thread completes it when the child's output ends, which may be after this returns.
        var events = new BlockingCollection<ChildEvent>();
        var reader = new Thread(() => Read(child.StandardOutput, events)) { IsBackground = true, Name = "schedex stress child reader" };
        reader.Start();
        var silence = Stopwatch.StartNew();
        int running = options.Warmup > 0 ? 0 : 1;
        int warmupsLeft = options.Warmup;
        while (true)
        {
            TimeSpan budget = options.Watchdog - silence.Elapsed;
            ChildEvent? next = null;
            bool arrived;
            try
            {
                arrived = budget > TimeSpan.Zero && events.TryTake(out next, (int)Math.Ceiling(budget.TotalMilliseconds), options.Cancellation);
            }
            catch (OperationCanceledException)
            {
                // Stopped: the repetitions reported so far are the report; the caller ends the child.
                report.SetInterrupted();
                return;
            }

            if (!arrived && !events.IsCompleted)
            {
                // Inspect first, while the stuck threads are still where they got stuck; then end the child.
                ThreadInspection inspection = _inspector?.Inspect(child.Id, assemblyName)
                    ?? ThreadInspection.Failed("none", "no thread inspector was configured");
                report.SetHang(new HangReport(name, running, silence.Elapsed.TotalSeconds, child.Id, inspection));
                return;
            }

            if (next is null)
            {
                // The child's output ended without "done": it died.
                child.WaitForExit();
                report.SetCrash(Crash(child.ExitCode, stderr));
                return;
            }

            switch (next.Kind)
            {
                case ChildEvent.End:
                    var outcome = new RepetitionOutcome(next.Broken, next.Failure, next.Expected, next.Counted);
                    var result = new RepetitionResult(next.Repetition, TimeSpan.FromMilliseconds(next.ElapsedMs), outcome);
                    report.Add(result);
                    progress?.Invoke(result);
                    silence.Restart();
                    running = --warmupsLeft > 0 ? 0 : next.Repetition + 1;
                    break;
                case ChildEvent.InputError:
                    throw new StressInputException(next.Message ?? "the workload rejected its input");
                case ChildEvent.Done:
                    return;
            }
        }
    }

    private static (string Name, long? Operations, string AssemblyName) Describe(string assemblyPath, string method, int? threads, int? size)
    {
        var assembly = StressEntryResolver.Load(assemblyPath, collectible: true);
        try
        {
            StressEntry entry = StressEntryResolver.Resolve(assembly, method, threads, size);
            return (entry.Name, entry.OperationsPerRepetition, entry.AssemblyName);
        }
        finally
        {
            AssemblyLoadContext.GetLoadContext(assembly)?.Unload();
        }
    }

    private static Process Start(ChildArguments arguments, ConcurrentQueue<string> stderr, string temp)
    {
        string self = typeof(ChildProcessStressRunner).Assembly.Location;
        var start = new ProcessStartInfo(DotnetHost.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add("--runtimeconfig");
        start.ArgumentList.Add(DotnetHost.RuntimeConfig(self, temp));
        start.ArgumentList.Add(self);
        start.ArgumentList.Add(ChildArguments.Flag);
        foreach (string argument in arguments.ToArguments())
        {
            start.ArgumentList.Add(argument);
        }

        ParentDeath.Prepare(start, diagnosticsIpc: true);
        var child = new Process { StartInfo = start };
        child.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                stderr.Enqueue(line);
                if (stderr.Count > StderrLinesKept)
                {
                    stderr.TryDequeue(out string? _);
                }
            }
        };
        child.Start();
        child.BeginErrorReadLine();
        return child;
    }

    private static void Read(StreamReader output, BlockingCollection<ChildEvent> events)
    {
        try
        {
            while (output.ReadLine() is { } line)
            {
                if (line.StartsWith('{') && JsonSerializer.Deserialize(line, ChildJsonContext.Default.ChildEvent) is { } e)
                {
                    events.Add(e);
                }
            }
        }
        catch (Exception e) when (e is IOException or JsonException or ObjectDisposedException)
        {
            // A killed child's pipe may end mid-line: the run is over either way.
        }
        finally
        {
            events.CompleteAdding();
        }
    }

    private static string Crash(int exitCode, ConcurrentQueue<string> stderr)
    {
        string[] lines = [.. stderr.Where(l => l.Trim().Length > 0)];
        string? unhandled = lines.FirstOrDefault(l => l.Contains("Unhandled exception", StringComparison.OrdinalIgnoreCase));
        string detail = unhandled?.Trim() ?? lines.LastOrDefault()?.Trim() ?? "no output";
        return $"the workload process exited with code {exitCode} before the run ended: {detail}";
    }
}
