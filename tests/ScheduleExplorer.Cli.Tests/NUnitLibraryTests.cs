using System.Diagnostics;
using System.Globalization;

namespace ScheduleExplorer.Cli.Tests;

/// <summary>
/// <c>schedex test</c> and <c>schedex replay</c> on an NUnit test library of its own that uses
/// Microsoft.Extensions.Caching.Memory: the packages are found through its deps.json in the NuGet
/// package folder, its [SetUp]/[TearDown] run around every iteration, the racy cache-aside is
/// caught and replayed, its locked twin is clean.
/// </summary>
[TestFixture]
public sealed class NUnitLibraryTests
{
    private TempDirectory _temp = null!;

    [SetUp]
    public void SetUp() => _temp = new TempDirectory();

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public void Sample_KeepsItsPackagesOutOfItsFolder()
    {
        string folder = Path.GetDirectoryName(CacheAsideSample.Assembly)!;
        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(CacheAsideSample.Assembly), Is.True, CacheAsideSample.Assembly);
            Assert.That(File.Exists(Path.Combine(folder, "Microsoft.Extensions.Caching.Memory.dll")), Is.False, "found through deps.json, not beside it");
            Assert.That(File.Exists(Path.Combine(folder, "nunit.framework.dll")), Is.False, "found through deps.json, not beside it");
        });
    }

    [Test]
    public void Test_RacyCacheAside_FindsTheDoubleLoad_AndReplayReproducesIt()
    {
        var run = CliRun.Of("test", CacheAsideSample.Assembly, "--method", CacheAsideSample.Racy, "-o", _temp.Path, "-v", "quiet");
        // Under the default portfolio, rff forces the conflict the first (random) iteration ran into.
        string trace = Path.Combine(_temp.Path, CacheAsideSample.Racy + ".portfolio-rff.seed0.json");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), "bug found");
            // The assertion's site (PriceCacheTests.cs:line) is named in Debug builds; a Release build of the library
            // gives its frames no line here, so only the message is asserted.
            Assert.That(run.Out, Does.Contain("AssertionFailure: 'main': assertion failed: loads from the store"));
            Assert.That(run.Out, Does.Contain("But was:  2"));
            Assert.That(run.Out, Does.Not.Contain("[SetUp] did not run").And.Not.Contain("FileNotFoundException"));
            Assert.That(File.Exists(trace), Is.True, "trace written");
        });

        var replay = CliRun.Of("replay", CacheAsideSample.Assembly, trace, "-v", "quiet");
        Assert.Multiple(() =>
        {
            Assert.That(replay.ExitCode, Is.EqualTo(1), "reproduced");
            Assert.That(replay.Out, Does.Contain("(replay of portfolio rff, seed 0)").And.Contain("loads from the store"));
            Assert.That(replay.Out, Does.Not.Contain("diverged"));
        });
    }

    [Test]
    public void Test_LockedCacheAside_IsClean()
    {
        var run = CliRun.Of("test", CacheAsideSample.Assembly, "--method", CacheAsideSample.Fixed, "-i", "300", "-o", _temp.Path, "-v", "quiet");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Out);
            Assert.That(run.Out, Does.StartWith("No bug found in CacheAside.Samples." + CacheAsideSample.Fixed + ": 300 iterations"));
            Assert.That(Directory.GetFiles(_temp.Path), Is.Empty, "no trace");
        });
    }

    [Test]
    public void Stress_LockedCacheAside_RunsItsSetUpEveryRepetition_AndHolds()
    {
        var run = CliRun.Of("stress", CacheAsideSample.Assembly, "--method", CacheAsideSample.Fixed);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Out);
            Assert.That(run.Out, Does.StartWith("HELD: CacheAside.Samples." + CacheAsideSample.Fixed));
            Assert.That(run.Out, Does.Not.Contain("[SetUp] did not run"));
        });
    }

    [Test]
    public void Test_InAProcessWithoutNUnit_LoadsTheLibrarysOwnNUnit()
    {
        // In process the host already holds NUnit; schedex on its own does not, so the library's copy
        // in the package folder must be found.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string arg in (string[])["exec", Path.Combine(AppContext.BaseDirectory, "schedex.dll"), "test", CacheAsideSample.Assembly,
                     "--method", CacheAsideSample.Racy, "-o", _temp.Path, "-v", "quiet"])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("schedex did not finish");
        }

        TestContext.Out.WriteLine(output + error.Result);
        Assert.Multiple(() =>
        {
            Assert.That(process.ExitCode, Is.EqualTo(1), string.Create(CultureInfo.InvariantCulture, $"exit code; stderr: {error.Result}"));
            Assert.That(output, Does.Contain("NUnit.Framework.AssertionException:   loads from the store"));
        });
    }
}
