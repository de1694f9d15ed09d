using ScheduleExplorer.Controlled;

namespace ScheduleExplorer.Tests.Runtime;

/// <summary>
/// <c>Task.WhenAny</c> under control names the task that completed first in controlled time, not
/// the first complete one in array order, whether the tasks completed before the call or while it
/// waited. Every scenario is explored exhaustively.
/// </summary>
[TestFixture]
public sealed class WhenAnyOrderTests
{
    private static void Expect(Task winner, Task expected, string what)
    {
        if (!ReferenceEquals(winner, expected))
        {
            throw new InvalidOperationException($"WhenAny named the wrong task: {what}");
        }
    }

    [Test]
    public void AlreadyComplete_TheOneCompletedFirst_Wins()
    {
        var (schedules, failure, _) = Explore.All(() =>
        {
            var later = ControlledTaskCompletionSource.Create();
            var earlier = ControlledTaskCompletionSource.Create();
            earlier.SetResult();
            later.SetResult();
            Expect(ControlledTaskOfT.get_Result(ControlledTask.WhenAny(later.Task, earlier.Task)), earlier.Task, "the second in array order completed first");
            Expect(ControlledTaskOfT.get_Result(ControlledTask.WhenAny(new[] { later.Task, earlier.Task, Task.CompletedTask })), Task.CompletedTask, "a task complete from the start is the earliest");
        });
        Assert.That(failure, Is.Null, failure?.Bug?.Message ?? failure?.Divergence);
        Assert.That(schedules, Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public void CompletedWhileWaiting_TheEarlierDeadline_Wins()
    {
        var (schedules, failure, virtualTime) = Explore.All(() =>
        {
            var slow = ControlledTask.Delay(20);
            var fast = ControlledTask.Delay(10);
            var any = ControlledTask.WhenAny(slow, fast);
            ControlledTask.Wait(ControlledTask.Delay(30));
            Expect(ControlledTaskOfT.get_Result(any), fast, "both delays were over before the waiting flow ran");
            Expect(ControlledTaskOfT.get_Result(ControlledTask.WhenAny(slow, fast)), fast, "both were over before the call");
        });
        Assert.That(failure, Is.Null, failure?.Bug?.Message ?? failure?.Divergence);
        Assert.That(schedules, Is.GreaterThanOrEqualTo(1));
        Assert.That(virtualTime, Is.EqualTo(30));
    }
}
