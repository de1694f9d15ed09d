using System.Diagnostics;
using System.Text.Json;
using ScheduleExplorer.Common;
using ScheduleExplorer.Stress.Running;
using ScheduleExplorer.Stress.Targets;

namespace ScheduleExplorer.Stress.Child;

/// <summary>
/// The child side of <see cref="ChildProcessStressRunner"/>: resolves the entry, runs the repetitions on
/// this process's threads and reports each on standard output. It has no watchdog of its own: the parent
/// watches, inspects and kills it. The workload's own console output goes to standard error.
/// </summary>
internal static class ChildHost
{
    public static int Run(IReadOnlyList<string> arguments)
    {
        ParentDeath.TieToParent();
        ChildArguments child = ChildArguments.Parse(arguments);
        using var protocol = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
        Console.SetOut(Console.Error);
        void Send(ChildEvent e) => protocol.WriteLine(JsonSerializer.Serialize(e, ChildJsonContext.Default.ChildEvent));

        try
        {
            StressEntry entry = StressEntryResolver.Resolve(StressEntryResolver.Load(child.AssemblyPath), child.Method, child.Threads, child.Size);
            Send(new ChildEvent(ChildEvent.Ready, Message: entry.Name));
            for (int warmup = 0; warmup < child.Options.Warmup; warmup++)
            {
                Send(Repeat(entry, 0));
            }

            int measured = 0;
            var measuring = Stopwatch.StartNew();
            for (int index = 1; child.Options.WantsMore(measured, measuring.Elapsed); index++)
            {
                Send(Repeat(entry, index));
                measured++;
            }

            Send(new ChildEvent(ChildEvent.Done));
            return 0;
        }
        catch (StressInputException e)
        {
            Send(new ChildEvent(ChildEvent.InputError, Message: e.Message));
            return 2;
        }
    }

    private static ChildEvent Repeat(StressEntry entry, int index)
    {
        long start = Stopwatch.GetTimestamp();
        RepetitionOutcome outcome = entry.Run();
        double elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        return new ChildEvent(ChildEvent.End, index, elapsed, outcome.Broken, outcome.Failure, outcome.Expected, outcome.Counted);
    }
}
