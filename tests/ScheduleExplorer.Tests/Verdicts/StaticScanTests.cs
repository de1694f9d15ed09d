using Microsoft.Extensions.Logging;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Tests.EndToEnd;

namespace ScheduleExplorer.Tests.Verdicts;

/// <summary>Before anything runs, the user is told once which uncontrolled concurrency calls the rewriter saw.</summary>
[TestFixture]
public sealed class StaticScanTests
{
    [Test]
    public void LoadingAWorkload_WarnsOnce_ListingEveryUncontrolledCall_BeforeExploring()
    {
        var sink = new ListLoggerProvider();
        using (var loggers = LoggerFactory.Create(builder => builder.AddProvider(sink).SetMinimumLevel(LogLevel.Warning)))
        {
            using var engine = TestingEngine.Create(new TestConfiguration { Iterations = 1 }, Workload.AssemblyPath, "Misbehaving.ProcessLaunch.Run", loggers);
            var warnings = sink.Messages.Where(m => m.Contains("does not control", StringComparison.Ordinal)).ToList();
            Assert.That(warnings, Has.Count.EqualTo(1), "once, at load time, before Run");
            Assert.That(warnings[0], Does.Match(@"ScheduleExplorer\.Workloads makes \d+ calls to concurrency APIs"));
            Assert.That(warnings[0], Does.Contain("could not test").And.Contain("Process.Start at ProcessLaunch.cs:15"));
        }
    }

    [Test]
    public void RewrittenAssembly_ListsEachUncontrolledCall_WithItsLine()
    {
        var rewriter = new Rewriting.AssemblyRewriter(new Rewriting.RewritingOptions { RuntimeAssemblyPath = typeof(Controlled.ControlledMonitor).Assembly.Location });
        var rewritten = rewriter.Rewrite(Workload.AssemblyPath);
        Assert.That(rewritten.UncontrolledCallSites, Has.Count.EqualTo(rewritten.Statistics.UncontrolledCalls));
        Assert.That(rewritten.UncontrolledCallSites, Has.Some.Match(@"^Process\.Start at ProcessLaunch\.cs:15$"));
        Assert.That(rewritten.UncontrolledCallSites, Has.None.Contains("LostUpdate"), "controlled code is not listed");
    }

    [Test]
    public void RewrittenAssembly_ListsCallsWhoseValuesDifferBetweenProcesses_ButNotTheControlledOnes()
    {
        var rewriter = new Rewriting.AssemblyRewriter(new Rewriting.RewritingOptions { RuntimeAssemblyPath = typeof(Controlled.ControlledMonitor).Assembly.Location });
        var rewritten = rewriter.Rewrite(Workload.AssemblyPath);
        Assert.That(rewritten.NondeterministicCallSites, Has.Some.Match(@"^HashCode\.Combine at StripedTally\.cs:49$"));
        Assert.That(rewritten.NondeterministicCallSites, Has.None.Contains("NewGuid").And.None.Contains("GetHashCode"), "GUIDs and string hashes are controlled");
    }

    [Test]
    public void LoadingAWorkload_WarnsOnce_ThatSomeValuesDifferBetweenProcesses()
    {
        var sink = new ListLoggerProvider();
        using (var loggers = LoggerFactory.Create(builder => builder.AddProvider(sink).SetMinimumLevel(LogLevel.Warning)))
        {
            using var engine = TestingEngine.Create(new TestConfiguration { Iterations = 1 }, Workload.AssemblyPath, "Primitives.StripedTally.CombinedHashStripes", loggers);
            var warnings = sink.Messages.Where(m => m.Contains("differ from one process to the next", StringComparison.Ordinal)).ToList();
            Assert.That(warnings, Has.Count.EqualTo(1));
            Assert.That(warnings[0], Does.Contain("may not replay").And.Contain("HashCode.Combine at StripedTally.cs:49"));
        }
    }
}
