using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ScheduleExplorer.Cli.Tests;

/// <summary>
/// <c>schedex test --parallel N</c> prints, writes and exits exactly as the serial run with the same
/// seed (only the measured time differs): with a bug, without one, and when the deciding process
/// crashes; it refuses a strategy that explores in order; a signal stops every process with the report so far.
/// </summary>
[TestFixture]
[Platform(Include = "Linux")]
public sealed partial class ParallelTests
{
    private TempDirectory _temp = null!;

    [SetUp]
    public void SetUp() => _temp = new TempDirectory();

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [TestCase("LostUpdate.Unsynchronized", 1, "LostUpdate.Unsynchronized.random.seed7.json")]
    [TestCase("LostUpdate.Locked", 0, null)]
    [TestCase("Misbehaving.ProcessKillers.NativeCrash", 1, "ProcessKillers.NativeCrash.random.seed7.json")]
    [TestCase("Publication.PlainFlag", 1, "Publication.PlainFlag.random.seed7.json")]
    [TestCase("Partitioned.SharedObject", 1, "Partitioned.SharedObject.random.seed7.json")]
    public void Parallel_PrintsWritesAndExits_AsTheSerialRun(string method, int exitCode, string? traceName)
    {
        var serial = Run(method, "serial", []);
        var parallel = Run(method, "parallel", ["--parallel", "2"]);
        Assert.Multiple(() =>
        {
            Assert.That(serial.Run.ExitCode, Is.EqualTo(exitCode), "the serial run's verdict");
            Assert.That(parallel.Run.ExitCode, Is.EqualTo(serial.Run.ExitCode), "exit code");
            Assert.That(parallel.Out, Is.EqualTo(serial.Out), "stdout");
            Assert.That(parallel.Report, Is.EqualTo(serial.Report), "--report");
            Assert.That(parallel.JUnit, Is.EqualTo(serial.JUnit), "--junit");
            Assert.That(Directory.GetFiles(parallel.Traces).Select(Path.GetFileName), Is.EquivalentTo(Directory.GetFiles(serial.Traces).Select(Path.GetFileName)), "trace files");
        });
        if (traceName is not null)
        {
            Assert.That(File.ReadAllBytes(Path.Combine(parallel.Traces, traceName)), Is.EqualTo(File.ReadAllBytes(Path.Combine(serial.Traces, traceName))), "trace bytes");
        }
    }

    [Test]
    public void Parallel_RefusesAStrategyThatExploresInOrder() =>
        CliRun.Of("test", CliRun.Workloads, "--method", "LostUpdate.Locked", "-i", "10", "--strategy", "dfs", "--parallel", "2", "-v", "quiet")
            .AssertBadInput("--parallel: dfs explores one tree in order");

    [Test]
    public void Parallel_OnSigint_StopsEveryProcess_AndReportsSoFar()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string arg in (string[])["exec", Path.Combine(AppContext.BaseDirectory, "schedex.dll"), "test", CliRun.Workloads,
                     "--method", "LostUpdate.Locked", "-i", "100000000", "-o", _temp.File("traces"), "--parallel", "2", "-v", "normal"])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            string? line;
            while ((line = process.StandardError.ReadLine()) is not null && !line.Contains("iterations done in 2 processes", StringComparison.Ordinal))
            {
            }

            Assert.That(line, Is.Not.Null, "the exploration started");
            var stderr = process.StandardError.ReadToEndAsync();
            var children = ChildProcesses.Of(process.Id);
            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                kill.WaitForExit();
            }

            Assert.That(process.WaitForExit(TimeSpan.FromSeconds(60)), Is.True, "stopped after the signal");
            Assert.Multiple(() =>
            {
                Assert.That(children, Has.Count.EqualTo(2), "two processes explored");
                Assert.That(children.Where(id => Directory.Exists($"/proc/{id}")), Is.Empty, "every process ended");
                Assert.That(process.ExitCode, Is.EqualTo(130), stderr.Result);
                Assert.That(stdout.Result, Does.StartWith("Interrupted after "));
                Assert.That(stdout.Result, Does.Contain("no bug found so far"));
                Assert.That(stderr.Result, Does.Not.Contain("\r"), "no progress line when standard error is not a terminal");
            });
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private Outputs Run(string method, string name, string[] extra)
    {
        string traces = _temp.File(name);
        string report = _temp.File(name + ".json");
        string junit = _temp.File(name + ".xml");
        var run = CliRun.Of(["test", CliRun.Workloads, "--method", method, "-i", "200", "--seed", "7", "-s", "random", "-o", traces, "--report", report, "--junit", junit, "-v", "quiet", .. extra]);
        string Normal(string text) => Timing().Replace(text.Replace(traces, "TRACES", StringComparison.Ordinal), "TIME");
        return new Outputs(run, traces, Normal(run.Out), Normal(File.ReadAllText(report)), Normal(File.ReadAllText(junit)));
    }

    /// <summary>What differs between two runs of the same schedules: the measured time and rate.</summary>
    [GeneratedRegex(@"in \d+\.\d+ s \([\d,]+ iterations/s\)|""elapsedSeconds"": [\d.E-]+|time=""[\d.]+""")]
    private static partial Regex Timing();

    private sealed record Outputs(CliRun Run, string Traces, string Out, string Report, string JUnit);
}
