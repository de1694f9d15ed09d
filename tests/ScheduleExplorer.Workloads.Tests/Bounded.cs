namespace ScheduleExplorer.Workloads.Tests;

/// <summary>
/// Runs a workload on real threads with a deadline, so a regression that deadlocks fails the test instead
/// of hanging the suite (NUnit 4 has no thread-aborting [Timeout] on .NET Core).
/// </summary>
internal static class Bounded
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>Runs <paramref name="workload"/> and asserts it finished, rethrowing its exception if it failed.</summary>
    public static void Run(Action workload)
    {
        var task = Task.Run(workload);
        Assert.That(task.Wait(Deadline), Is.True, $"The workload did not finish within {Deadline.TotalSeconds} s");
    }
}
