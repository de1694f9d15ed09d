using ScheduleExplorer.Detection;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Tests.EndToEnd;

namespace ScheduleExplorer.Tests.Verdicts;

/// <summary>The async APIs still not controlled end as "could not test", with the API, its line and the advice.</summary>
[TestFixture]
public sealed class StillRefusedAsyncApiTests
{
    [TestCase("StillRefused.RegisteredWait", "ThreadPool.RegisterWaitForSingleObject (uncontrolled API) at StillRefused.cs:13", "This thread-pool API is not controlled")]
    public void StillRefusedApi_CouldNotTest_WithItsAdvice(string method, string start, string advice)
    {
        var report = Workload.Explore(method, new TestConfiguration { Iterations = 20, Seed = 3 });
        Assert.That(report.Verdict, Is.EqualTo(Verdict.CouldNotTest), () => report.Bug?.Message ?? "no bug");
        Assert.That(report.CouldNotTest!.Cause, Is.EqualTo(CouldNotTestCause.UncontrolledApi));
        Assert.That(report.CouldNotTest.Summary, Does.StartWith("Could not test: " + start));
        Assert.That(report.CouldNotTest.Summary, Does.Contain(advice));
        TestContext.Out.WriteLine(report.CouldNotTest.Summary);
    }
}
