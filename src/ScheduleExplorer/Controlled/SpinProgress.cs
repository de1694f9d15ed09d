using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>The pause shared by the spin shims: wait until another operation makes progress.</summary>
internal static class SpinProgress
{
    private static readonly Name s_stepsKey = new("another operation's progress (a spin-wait)");
    private static readonly Name s_releasesKey = new("the release of a SpinLock");

    /// <summary>Blocks until another operation takes a step; false when <paramref name="deadline"/> (virtual time) passed first.</summary>
    public static bool AwaitStep(ControlledOperation op, string? site, long deadline = long.MaxValue)
    {
        var scheduler = op.Scheduler;
        var resource = scheduler.Resources.GetOrAdd(s_stepsKey, (t, s) => new ProgressResource(t, s, () => scheduler.StepsTaken));

        // The step that blocks is itself counted: progress is any step after it.
        return Await(op, resource, scheduler.StepsTaken + 1, site, deadline);
    }

    /// <summary>Blocks until some SpinLock is released; false when <paramref name="deadline"/> passed first.</summary>
    public static bool AwaitRelease(ControlledOperation op, string? site, long deadline)
    {
        var resource = Releases(op);
        return Await(op, resource, resource.Releases, site, deadline);
    }

    public static ProgressResource Releases(ControlledOperation op) =>
        op.Scheduler.Resources.GetOrAdd(s_releasesKey, static (t, s) => new ProgressResource(t, s, clock: null));

    private static bool Await(ControlledOperation op, ProgressResource resource, int now, string? site, long deadline)
    {
        var scheduler = op.Scheduler;
        if (scheduler.Now >= deadline)
        {
            return false;
        }

        // What a spinner waits for is unknown (any location): conflict with everything.
        scheduler.RecordEffect(StepEffect.Everything, isWrite: false);
        resource.Expect(op, now);
        try
        {
            scheduler.Block(op, resource, SchedulingPointKind.Yield, site, deadline);
        }
        finally
        {
            resource.Forget(op);
        }

        scheduler.RecordEffect(StepEffect.Everything, isWrite: false);
        return true;
    }

    /// <summary>A resource key whose report name is fixed.</summary>
    private sealed class Name(string text)
    {
        public override string ToString() => text;
    }
}
