using System.Globalization;
using ScheduleExplorer.Reporting;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Tests.EndToEnd;
using ScheduleExplorer.Traces;

namespace ScheduleExplorer.Tests.Verdicts;

/// <summary>Same seed, same trace bytes and report text under any culture (de-DE writes 2.000 for 2,000).</summary>
[TestFixture]
[NonParallelizable]
public sealed class CultureTests
{
    private static readonly TestConfiguration s_livelock = new() { Iterations = 3, Seed = 11, MaxSteps = 2_000, FailOnMaxSteps = true };

    [Test]
    public void SameSeed_GivesTheSameTraceBytes_UnderDeDeAndEnUs()
    {
        var (german, germanText) = UnderCulture("de-DE", () => Run(s_livelock));
        var (english, englishText) = UnderCulture("en-US", () => Run(s_livelock));
        Assert.That(Convert.ToHexString(german), Is.EqualTo(Convert.ToHexString(english)));
        Assert.That(germanText, Is.EqualTo(englishText));
        Assert.That(germanText, Does.Contain("bound of 2,000 scheduling steps"));
    }

    [Test]
    public void CouldNotTest_Text_IsTheSame_UnderDeDeAndEnUs()
    {
        var configuration = s_livelock with { FailOnMaxSteps = false };
        string german = UnderCulture("de-DE", () => Summary(configuration));
        string english = UnderCulture("en-US", () => Summary(configuration));
        Assert.That(german, Is.EqualTo(english));
        Assert.That(german, Does.Contain("step bound of 2,000"));
    }

    private static (byte[] Trace, string Report) Run(TestConfiguration configuration)
    {
        var report = Workload.Explore("Misbehaving.Spinning.LivelockOnFlag", configuration);
        Assert.That(report.Trace, Is.Not.Null, "a livelock with FailOnMaxSteps");
        return (TraceSerializer.ToUtf8(report.Trace!), BugReportWriter.Format(report));
    }

    private static string Summary(TestConfiguration configuration)
    {
        var report = Workload.Explore("Misbehaving.Spinning.LivelockOnFlag", configuration);
        return BugReportWriter.Format(report);
    }

    /// <summary>Runs <paramref name="run"/> with <paramref name="name"/> as the culture of this thread and of every new thread (the workers).</summary>
    private static T UnderCulture<T>(string name, Func<T> run)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        var (saved, savedUi, savedDefault) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture, CultureInfo.DefaultThreadCurrentCulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            CultureInfo.DefaultThreadCurrentCulture = culture;
            Assert.That(2000.ToString("N0", CultureInfo.CurrentCulture), Is.EqualTo(name == "de-DE" ? "2.000" : "2,000"), "the culture is in effect");
            return run();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            CultureInfo.CurrentUICulture = savedUi;
            CultureInfo.DefaultThreadCurrentCulture = savedDefault;
        }
    }
}
