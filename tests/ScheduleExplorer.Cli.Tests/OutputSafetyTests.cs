using System.Diagnostics;

namespace ScheduleExplorer.Cli.Tests;

/// <summary>
/// Outputs never destroy what they point at: a directory, FIFO, device or read-only file given as
/// <c>--report</c>/<c>--junit</c> is refused before anything is explored (one line, exit 2), a symbolic
/// link is written through and kept, and a file's permissions survive the rewrite.
/// </summary>
[TestFixture]
[Platform(Include = "Linux")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class OutputSafetyTests
{
    private TempDirectory _temp = null!;

    [SetUp]
    public void SetUp() => _temp = new TempDirectory();

    [TearDown]
    public void TearDown() => _temp.Dispose();

    private CliRun Test(string option, string path) =>
        CliRun.Of("test", CliRun.Workloads, "--method", "LostUpdate.Locked", "-i", "5", "-o", _temp.File("traces"), option, path, "-v", "quiet");

    [TestCase("--report")]
    [TestCase("--junit")]
    public void ADirectory_IsRefusedBeforeExploring(string option)
    {
        string directory = _temp.File("out");
        Directory.CreateDirectory(directory);
        Test(option, directory).AssertBadInput("it is a directory");
        Assert.That(Directory.Exists(directory), Is.True);
    }

    [Test]
    public void AFifo_IsRefused_WithoutBlocking()
    {
        string fifo = _temp.File("pipe");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
        }

        Test("--report", fifo).AssertBadInput("not a regular file");
        Assert.That(File.Exists(fifo), Is.True, "the FIFO is left as it was");
    }

    [Test]
    public void ADevice_IsRefused() => Test("--junit", "/dev/null").AssertBadInput("not a regular file");

    [Test]
    public void AReadOnlyFile_IsRefused_AndKept()
    {
        string path = _temp.Write("kept.json", "precious");
        File.SetUnixFileMode(path, UnixFileMode.UserRead);
        Test("--report", path).AssertBadInput("it is read-only");
        Assert.That(File.ReadAllText(path), Is.EqualTo("precious"));
    }

    [Test]
    public void ASymbolicLink_IsWrittenThrough_TheLinkKept_TheModeKept()
    {
        string target = _temp.Write("real.json", "old");
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        string link = _temp.File("link.json");
        File.CreateSymbolicLink(link, target);

        var run = Test("--report", link);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(new FileInfo(link).LinkTarget, Is.EqualTo(target), "the link is still a link to the same file");
        Assert.That(File.ReadAllText(target), Does.Contain("\"verdict\""), "the report went to the link's target");
        Assert.That(File.GetUnixFileMode(target), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead));
    }

    [Test]
    public void TemporaryFilesOfKilledRuns_AreRemoved_ThoseOfLiveProcessesKept()
    {
        string traces = _temp.File("traces");
        Directory.CreateDirectory(traces);
        string stale = Path.Combine(traces, $"x.json.{int.MaxValue}.{Guid.NewGuid():N}.tmp");
        string live = Path.Combine(traces, $"x.json.1.{Guid.NewGuid():N}.tmp");
        string other = Path.Combine(traces, "notes.tmp");
        foreach (string file in new[] { stale, live, other })
        {
            File.WriteAllText(file, "partial");
        }

        Assert.That(Test("--report", _temp.File("r.json")).ExitCode, Is.EqualTo(0));
        Assert.That(File.Exists(stale), Is.False, "a dead process's temporary file");
        Assert.That(File.Exists(live), Is.True, "process 1 is alive: its write may be under way");
        Assert.That(File.Exists(other), Is.True, "not a temporary file of ours");
    }
}
