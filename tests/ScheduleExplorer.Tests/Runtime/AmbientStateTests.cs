using ScheduleExplorer.Runtime;
using ScheduleExplorer.Strategies;

namespace ScheduleExplorer.Tests.Runtime;

/// <summary>
/// Every iteration starts from a clean ambient state, as a fresh process would: an
/// <see cref="AsyncLocal{T}"/> value set by one iteration's main flow or thread is not seen by the next,
/// although operations run on reused workers.
/// </summary>
[TestFixture]
public sealed class AmbientStateTests
{
    private static readonly AsyncLocal<string?> s_request = new();

    [Test]
    public void AnAsyncLocalSetByTheMainFlow_DoesNotLeakIntoTheNextIteration()
    {
        using var scheduler = new ControlledScheduler(new RandomStrategy(5), new SchedulerOptions { MaxSteps = 1_000 });
        var seen = new List<string?>();
        for (int iteration = 0; iteration < 3; iteration++)
        {
            var outcome = scheduler.RunIteration(() =>
            {
                seen.Add(s_request.Value);
                s_request.Value = "left over";
                var thread = Explore.Start(() =>
                {
                    seen.Add(s_request.Value);
                    s_request.Value = "left over by a thread";
                });
                Controlled.ControlledThread.Join(thread);
            });
            Assert.That(outcome.Bug, Is.Null, outcome.Bug?.Message);
        }

        Assert.That(seen, Is.EqualTo(new[] { null, "left over", null, "left over", null, "left over" }),
            "each iteration starts clean; a thread started by the main flow sees what the main flow set");
    }
}
