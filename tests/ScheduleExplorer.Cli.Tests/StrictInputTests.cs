using System.Diagnostics;
using ScheduleExplorer.Traces;

namespace ScheduleExplorer.Cli.Tests;

/// <summary>
/// Hostile trace paths and malformed values: each ends in exit 2 with one line on stderr, without
/// blocking on a FIFO, reading a device or filling memory.
/// </summary>
[TestFixture]
public sealed class StrictInputTests
{
    private TempDirectory _temp = null!;
    private string _validJson = null!;

    [OneTimeSetUp]
    public void RecordATrace()
    {
        _temp = new TempDirectory();
        var run = CliRun.Of("test", CliRun.Workloads, "--method", "LostUpdate.Unsynchronized", "-o", _temp.Path, "-v", "quiet");
        Assert.That(run.ExitCode, Is.EqualTo(1));
        _validJson = File.ReadAllText(Directory.GetFiles(_temp.Path, "*.json").Single());
    }

    [OneTimeTearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public void Replay_Fifo_IsRefusedWithoutBlocking()
    {
        Assume.That(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "FIFOs are a Unix thing");
        string fifo = _temp.File($"trace{Guid.NewGuid():N}.fifo");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
            Assume.That(mkfifo.ExitCode, Is.Zero, "mkfifo works here");
        }

        // Run on a task so that a regression (open blocks until a writer comes) fails instead of hanging the suite.
        var replay = Task.Run(() => CliRun.Of("replay", CliRun.Workloads, fifo));
        Assert.That(replay.Wait(TimeSpan.FromSeconds(60)), Is.True, "replay of a FIFO returned");
        replay.Result.AssertBadInput("not a regular file");
    }

    [Test]
    public void Replay_DevZero_IsRefusedWithoutReading()
    {
        Assume.That(File.Exists("/dev/zero"), "a /dev/zero device");
        CliRun.Of("replay", CliRun.Workloads, "/dev/zero").AssertBadInput("not a regular file");
    }

    [Test]
    public void Replay_Folder_IsRefused() =>
        CliRun.Of("replay", CliRun.Workloads, _temp.Path).AssertBadInput("is a folder");

    [Test]
    public void Replay_FileOverTheSizeLimit_IsRefusedUnread()
    {
        string huge = _temp.File("huge.json");
        using (var stream = File.Create(huge))
        {
            stream.SetLength(TraceSerializer.MaxTraceBytes + 1); // sparse: no disk, no memory
        }

        CliRun.Of("replay", CliRun.Workloads, huge).AssertBadInput("more than the 268,435,456 a trace may have");
    }

    [TestCase("\"formatVersion\": 1,", "\"formatVersion\": 1.0,", "format version 1.0")]
    [TestCase("\"formatVersion\": 1,", "\"formatVersion\": 1e400,", "format version 1e400")]
    [TestCase("\"formatVersion\": 1,", "\"formatVersion\": \"1\",", "format version \"1\"")]
    [TestCase("\"seed\": 0,", "\"seed\": -1,", "is not a valid trace")]
    [TestCase("\"seed\": 0,", "\"seed\": 1.5,", "is not a valid trace")]
    [TestCase("\"seed\": 0,", "\"seed\": 18446744073709551616,", "is not a valid trace")]
    [TestCase("\"iteration\": 0,", "\"iteration\": 1e10,", "is not a valid trace")]
    [TestCase("\"iteration\": 0,", "\"iteration\": -3,", "iteration -3 is out of range")]
    [TestCase("\"iteration\": 0,", "\"iteration\": 2147483647,", "iteration 2147483647 is out of range")]
    [TestCase("\"maxSteps\": 1000000,", "\"maxSteps\": 0,", "options.maxSteps must be at least 1")]
    [TestCase("\"by\": 0,", "\"by\": 99,", "names an operation outside")]
    [TestCase("\"kind\": \"Write\",", "\"kind\": 999,", "unknown kind 999")]
    [TestCase("\"kind\": \"Write\",", "\"kind\": \"Bogus\",", "is not a valid trace")]
    [TestCase("\"preemptions\": 1,", "\"preemptions\": -1,", "preemptions -1 is negative")]
    [TestCase("\"method\": \"", "\"method\": null, \"x\": \"", "is not a valid trace")]
    [TestCase("\"operations\": [", "\"operations\": [ null,", "operations must be a non-empty list of names")]
    public void Replay_MalformedValue_ExitsTwoWithOneLine(string original, string replacement, string fragment)
    {
        Assume.That(_validJson, Does.Contain(original), "the recorded trace holds the value to replace");
        int at = _validJson.IndexOf(original, StringComparison.Ordinal);
        string path = _temp.Write($"bad{Guid.NewGuid():N}.json", _validJson[..at] + replacement + _validJson[(at + original.Length)..]);
        CliRun.Of("replay", CliRun.Workloads, path, "-v", "quiet").AssertBadInput(fragment);
    }

    [Test]
    public void Replay_DeeplyNestedJson_ExitsTwo()
    {
        string path = _temp.Write("deep.json", "{\"formatVersion\": 1, \"steps\": " + new string('[', 100_000) + new string(']', 100_000) + "}");
        CliRun.Of("replay", CliRun.Workloads, path).AssertBadInput("is not a valid trace");
    }

    [Test]
    public void Replay_TokenThatInflatesPastTheLimit_ExitsTwo()
    {
        using var buffer = new MemoryStream();
        using (var deflate = new System.IO.Compression.DeflateStream(buffer, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (long written = 0; written <= TraceSerializer.MaxTraceBytes; written += zeros.Length)
            {
                deflate.Write(zeros);
            }
        }

        string token = "schedex1:" + Convert.ToBase64String(buffer.ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        CliRun.Of("replay", CliRun.Workloads, token).AssertBadInput("holds more than");
    }

    [TestCase("-t", "1e308")]
    [TestCase("-t", "31536001")]
    [TestCase("--hang-timeout", "1e308")]
    [TestCase("-i", "99999999999")]
    [TestCase("--max-steps", "1.5")]
    [TestCase("--seed", "-1")]
    public void Test_OverflowingNumber_ExitsTwoWithOneLine(string option, string value) =>
        CliRun.Of("test", CliRun.Workloads, "--method", "LostUpdate.Locked", option, value).AssertBadInput(option);

    [Test]
    public void Test_BadMethod_AtDefaultVerbosity_LeavesOnlyTheErrorLineOnStderr()
    {
        // The console logger writes to the process's stderr, so this one runs schedex as a process.
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string arg in (string[])["exec", Path.Combine(AppContext.BaseDirectory, "schedex.dll"), "test", CliRun.Workloads, "--method", "LostUpdate.Nonexistent"])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        Assert.That(process.WaitForExit(TimeSpan.FromSeconds(120)), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(process.ExitCode, Is.EqualTo(2));
            Assert.That(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1), stderr);
            Assert.That(stderr, Does.StartWith(CliConsole.ErrorPrefix + "method 'LostUpdate.Nonexistent' not found"));
            Assert.That(stdout.Result, Is.Empty);
        });
    }
}
