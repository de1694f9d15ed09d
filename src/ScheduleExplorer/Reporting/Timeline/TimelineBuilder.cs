using ScheduleExplorer.Runtime;
using ScheduleExplorer.Traces;

namespace ScheduleExplorer.Reporting.Timeline;

/// <summary>
/// Reads what a trace implies beyond its steps. A trace records who reached which point and who
/// ran next, not why: so a switch away from an operation at a point that cannot block (a read, a
/// write, a release…) is a preemption; a switch at a point that can block (join, acquire, wait,
/// await) whose operation runs again only after another operation released, pulsed or completed is
/// a block with a wake-up arrow from that step; the racing accesses are the conflicting reads and
/// writes of one location that another operation's access splits; a deadlock's cycle is the last
/// step of every operation that never completed.
/// </summary>
internal static class TimelineBuilder
{
    /// <summary>Prepares <paramref name="trace"/>, with source text looked up in <paramref name="sources"/>.</summary>
    public static Timeline Build(ScheduleTrace trace, SourceLines sources)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var steps = trace.Steps;
        var marks = new StepMarks[steps.Count];
        var edges = new List<WakeEdge>();
        MarkSwitches(steps, marks, edges);
        if (trace.Bug?.Kind != nameof(Detection.BugKind.Deadlock))
        {
            // A deadlock's story is its cycle; and a trace names fields, not instances, so
            // accesses to two closures' "same" field would read as a race.
            MarkRaces(steps, marks);
        }

        var lanes = Lanes(trace, sources);
        MarkBug(trace, lanes, marks);
        var rows = new List<TimelineStep>(steps.Count);
        for (int i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            string? method = sources.EnclosingMethod(step.Site);
            string? site = step.Site is null ? null : method is null ? step.Site : $"{step.Site} in {method}";
            rows.Add(new TimelineStep(i, step, marks[i], Point(step), site, sources.Text(step.Site)));
        }

        return new Timeline(trace, lanes, rows, edges);
    }

    /// <summary>"Write RacyCounter._count", "Acquire", "RandomInteger = 3".</summary>
    public static string Point(TraceStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.Kind.IsDataChoice() && step.Kind != SchedulingPointKind.StaleRead)
        {
            return FormattableString.Invariant($"{step.Kind} = {step.Value}");
        }

        if (step.Target is not { } target)
        {
            return step.Kind.ToString();
        }

        // "Write _count" at RacyCounter.cs:17 rather than "Write RacyCounter._count": the site names the type already.
        string location = ReadableNames.Location(target);
        int dot = location.IndexOf('.', StringComparison.Ordinal);
        bool sameFile = dot > 0 && SourceLines.TryParse(step.Site, out string file, out _)
            && string.Equals(Path.GetFileNameWithoutExtension(file), location[..dot], StringComparison.Ordinal);
        string seen = step.Kind == SchedulingPointKind.StaleRead ? (step.Value == 1 ? " = old" : " = new") : string.Empty;
        return $"{step.Kind} {(sameFile ? location[(dot + 1)..] : location)}{seen}";
    }

    private static bool CanBlock(SchedulingPointKind kind) =>
        kind is SchedulingPointKind.Join or SchedulingPointKind.Acquire or SchedulingPointKind.Wait or SchedulingPointKind.Await or SchedulingPointKind.Delay;

    private static bool CanWake(SchedulingPointKind blocked, SchedulingPointKind kind) => blocked switch
    {
        SchedulingPointKind.Join => kind is SchedulingPointKind.Complete,
        SchedulingPointKind.Acquire => kind is SchedulingPointKind.Release or SchedulingPointKind.Complete,
        SchedulingPointKind.Wait => kind is SchedulingPointKind.Pulse or SchedulingPointKind.Release,
        SchedulingPointKind.Await => kind is SchedulingPointKind.Complete or SchedulingPointKind.Release,
        _ => false,
    };

    private static void MarkSwitches(IReadOnlyList<TraceStep> steps, StepMarks[] marks, List<WakeEdge> edges)
    {
        int[] following = FollowingStepOfSameOperation(steps);
        for (int i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.Next is not { } next || next == step.By || step.Kind == SchedulingPointKind.Complete)
            {
                continue;
            }

            int resume = following[i];
            if (!CanBlock(step.Kind))
            {
                marks[i] |= StepMarks.Preemption;
                continue;
            }

            if (step.Kind == SchedulingPointKind.Delay || resume < 0)
            {
                // A sleep ends on the virtual clock; a step never followed is the operation's last (a deadlock, or the end).
                marks[i] |= step.Kind == SchedulingPointKind.Delay ? StepMarks.Blocked : StepMarks.None;
                continue;
            }

            int waker = Waker(steps, step, i, resume);
            if (waker < 0)
            {
                // Nothing between could have woken it: it could have gone on, so the switch was a preemption.
                marks[i] |= StepMarks.Preemption;
                continue;
            }

            marks[i] |= StepMarks.Blocked;
            edges.Add(new WakeEdge(waker, steps[waker].By, i, resume, step.By, $"{steps[waker].Kind} wakes {step.Kind}"));
        }
    }

    private static int Waker(IReadOnlyList<TraceStep> steps, TraceStep blocked, int from, int resume)
    {
        for (int k = resume - 1; k > from; k--)
        {
            if (steps[k].By != blocked.By && CanWake(blocked.Kind, steps[k].Kind))
            {
                return k;
            }
        }

        return -1;
    }

    private static int[] FollowingStepOfSameOperation(IReadOnlyList<TraceStep> steps)
    {
        var following = new int[steps.Count];
        var seen = new Dictionary<int, int>();
        for (int i = steps.Count - 1; i >= 0; i--)
        {
            following[i] = seen.GetValueOrDefault(steps[i].By, -1);
            seen[steps[i].By] = i;
        }

        return following;
    }

    private static void MarkRaces(IReadOnlyList<TraceStep> steps, StepMarks[] marks)
    {
        // A step is the point *before* its access: the access happens when its operation runs on,
        // which after a switch is when another step hands it the baton. In that order, an access of
        // one operation between two accesses of another to the same location, with a write among
        // them, is the pattern of a lost update or a torn check-then-act.
        var accesses = Enumerable.Range(0, steps.Count).Where(i => IsAccess(steps[i])).OrderBy(i => PerformedAt(steps, i)).ThenBy(i => i).ToList();
        var following = new int[steps.Count];
        var seen = new Dictionary<(string Target, int By), int>();
        for (int a = accesses.Count - 1; a >= 0; a--)
        {
            int i = accesses[a];
            following[i] = seen.GetValueOrDefault((steps[i].Target!, steps[i].By), -1);
            seen[(steps[i].Target!, steps[i].By)] = i;
        }

        var latest = new Dictionary<string, Dictionary<int, int>>(StringComparer.Ordinal);
        foreach (int j in accesses)
        {
            string target = steps[j].Target!;
            if (!latest.TryGetValue(target, out var byOperation))
            {
                latest[target] = byOperation = [];
            }

            foreach (var (by, i) in byOperation)
            {
                // i: the other operation's latest access before j; k: its next one, after j.
                int k = following[i];
                if (by != steps[j].By && k >= 0 && (IsWrite(steps[i]) || IsWrite(steps[j]) || IsWrite(steps[k])))
                {
                    marks[i] |= StepMarks.Race;
                    marks[j] |= StepMarks.Race;
                    marks[k] |= StepMarks.Race;
                }
            }

            byOperation[steps[j].By] = j;
        }
    }

    /// <summary>When the access of step <paramref name="i"/> happens, on the step scale: at once, or when its operation gets the baton back.</summary>
    private static double PerformedAt(IReadOnlyList<TraceStep> steps, int i)
    {
        if (steps[i].Next is not { } next || next == steps[i].By)
        {
            return i;
        }

        for (int r = i + 1; r < steps.Count; r++)
        {
            if (steps[r].Next == steps[i].By)
            {
                return r + 0.5;
            }
        }

        return double.MaxValue;
    }

    private static bool IsAccess(TraceStep step) =>
        step.Kind is SchedulingPointKind.Read or SchedulingPointKind.Write && step.Target is not null;

    private static bool IsWrite(TraceStep step) => step.Kind == SchedulingPointKind.Write;

    private static void MarkBug(ScheduleTrace trace, IReadOnlyList<TimelineLane> lanes, StepMarks[] marks)
    {
        if (trace.Bug is not { } bug || marks.Length == 0)
        {
            return;
        }

        if (bug.Kind == nameof(Detection.BugKind.Deadlock))
        {
            foreach (var lane in lanes.Where(l => !l.Completed && l.LastStep >= 0))
            {
                marks[lane.LastStep] |= StepMarks.Deadlock;
            }

            return;
        }

        marks[^1] |= StepMarks.Failure;
    }

    private static List<TimelineLane> Lanes(ScheduleTrace trace, SourceLines sources)
    {
        var lanes = new List<TimelineLane>(trace.Operations.Count);
        for (int id = 0; id < trace.Operations.Count; id++)
        {
            int first = -1, last = -1;
            bool completed = false;
            for (int i = 0; i < trace.Steps.Count; i++)
            {
                if (trace.Steps[i].By != id)
                {
                    continue;
                }

                first = first < 0 ? i : first;
                last = i;
                completed |= trace.Steps[i].Kind == SchedulingPointKind.Complete;
            }

            string label = $"#{id} {trace.Operations[id]}";
            if (first >= 0 && sources.EnclosingMethod(trace.Steps[first].Site) is { } method && !trace.Operations[id].Contains(method, StringComparison.Ordinal))
            {
                label += $" (in {method})";
            }

            lanes.Add(new TimelineLane(id, label, first, last, completed));
        }

        return lanes;
    }
}
