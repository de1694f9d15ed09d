using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ScheduleExplorer.Cli.Tests;

/// <summary>
/// <c>schedex test</c> and <c>replay</c> explore in a child process by default: a workload that ends
/// the process (a stack overflow, a native crash, an exception on a thread nobody controls) becomes a
/// <c>ProcessCrash</c> bug with a trace that replays to the same end, a run that ends normally prints
/// and writes exactly what an in-process run does, and the child dies with its parent.
/// </summary>
[TestFixture]
[Platform(Include = "Linux")]
public sealed class IsolationTests
{
    private TempDirectory _temp = null!;

    [SetUp]
    public void SetUp() => _temp = new TempDirectory();

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [TestCase("StackOverflow", "exit code 134 (SIGABRT, Stack overflow.) at step 6 in 'thread 1'")]
    [TestCase("NativeCrash", "exit code 139 (SIGSEGV) at step 4 in 'main'")]
    [TestCase("MessageRecurses", "exit code 134 (SIGABRT, Stack overflow.)", "HostileExceptions")]
    [TestCase("UncontrolledThreadThrows", "exit code 134 (SIGABRT, Unhandled exception. System.InvalidOperationException: a background thread failed) at step 5 in 'main'")]
    public void AWorkloadThatEndsTheProcess_IsAProcessCrashBug_WhoseTraceReplays(string method, string end, string type = "ProcessKillers")
    {
        string traces = _temp.File("traces");
        var run = CliRun.Of("test", CliRun.Workloads, "--method", $"Misbehaving.{type}.{method}", "-s", "random", "-i", "5", "-o", traces, "-v", "quiet");
        string trace = Path.Combine(traces, $"{type}.{method}.random.seed0.json");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), "a bug");
            Assert.That(run.Out, Does.Contain($"ProcessCrash: the workload ended the process with {end}"));
            Assert.That(run.Out, Does.Contain($"Trace: {trace}"));
            Assert.That(File.Exists(trace), Is.True, "the trace is written by the parent");
        });

        var replay = CliRun.Of("replay", CliRun.Workloads, trace, "-v", "quiet");
        Assert.Multiple(() =>
        {
            Assert.That(replay.ExitCode, Is.EqualTo(1), "reproduced: " + replay.Error);
            Assert.That(replay.Out, Does.Contain($"ProcessCrash: the workload ended the process with {end}"));
        });
    }

    [Test]
    public void AReplayThatCrashesElsewhere_IsADivergence()
    {
        string traces = _temp.File("traces");
        CliRun.Of("test", CliRun.Workloads, "--method", "Misbehaving.ProcessKillers.NativeCrash", "-s", "random", "-i", "5", "-o", traces, "-v", "quiet");
        string path = Path.Combine(traces, "ProcessKillers.NativeCrash.random.seed0.json");
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        json["bug"]!["message"] = json["bug"]!["message"]!.GetValue<string>().Replace("139", "134", StringComparison.Ordinal);
        string edited = _temp.Write("edited.json", json.ToJsonString());

        var replay = CliRun.Of("replay", CliRun.Workloads, edited, "-v", "quiet");
        Assert.Multiple(() =>
        {
            Assert.That(replay.ExitCode, Is.EqualTo(2), "diverged");
            Assert.That(replay.Error, Does.Contain("Replay diverged: the trace ends in"));
            Assert.That(replay.Error, Does.Contain("but the replay ended in ProcessCrash"));
        });
    }

    [Test]
    public void AnIsolatedRun_PrintsAndWritesWhatAnInProcessRunDoes()
    {
        string isolatedTraces = _temp.File("isolated");
        string inProcessTraces = _temp.File("inprocess");
        var isolated = CliRun.Of("test", CliRun.Workloads, "--method", "LostUpdate.Unsynchronized", "-s", "random", "-i", "50", "-o", isolatedTraces, "-v", "quiet");
        var inProcess = CliRun.Of("test", CliRun.Workloads, "--method", "LostUpdate.Unsynchronized", "-s", "random", "-i", "50", "-o", inProcessTraces, "-v", "quiet", "--in-process");
        const string Trace = "LostUpdate.Unsynchronized.random.seed0.json";
        Assert.Multiple(() =>
        {
            Assert.That(isolated.ExitCode, Is.EqualTo(1));
            Assert.That(isolated.ExitCode, Is.EqualTo(inProcess.ExitCode));
            Assert.That(WithoutStackFrames(isolated.Out.Replace(isolatedTraces, "X", StringComparison.Ordinal)), Is.EqualTo(WithoutStackFrames(inProcess.Out.Replace(inProcessTraces, "X", StringComparison.Ordinal))));
            Assert.That(File.ReadAllBytes(Path.Combine(isolatedTraces, Trace)), Is.EqualTo(File.ReadAllBytes(Path.Combine(inProcessTraces, Trace))), "the same trace bytes");
        });
    }

    /// <summary>
    /// The text without the exception's stack frames: a fresh process and this warmed-up test host
    /// inline different frames in Release (tiered JIT), so only the frames may differ.
    /// </summary>
    private static string WithoutStackFrames(string text) =>
        string.Join('\n', text.Split('\n').Where(line => !line.TrimStart().StartsWith("at ", StringComparison.Ordinal)));

    [TestCase("test")]
    [TestCase("stress")]
    public void KillingTheParent_EndsItsChild(string command)
    {
        string[] arguments = command == "test"
            ? ["test", CliRun.Workloads, "--method", "LostUpdate.Locked", "-i", "100000000", "-o", _temp.File("traces")]
            : ["stress", CliRun.Workloads, "--method", "LostUpdate.Locked", "--duration", "600"];
        using var parent = StartSchedex(arguments);
        try
        {
            int child = WaitForChild(parent.Id);
            parent.Kill();
            parent.WaitForExit();
            var gone = Stopwatch.StartNew();
            while (Directory.Exists($"/proc/{child}") && !IsZombie(child) && gone.Elapsed < TimeSpan.FromSeconds(20))
            {
                Thread.Sleep(50);
            }

            Assert.That(Directory.Exists($"/proc/{child}") && !IsZombie(child), Is.False, $"child {child} still runs after its parent was killed");
        }
        finally
        {
            if (!parent.HasExited)
            {
                parent.Kill(entireProcessTree: true);
            }
        }
    }

    private static Process StartSchedex(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "schedex.dll"));
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The first child process of <paramref name="parent"/>, waited for up to 60 s.</summary>
    private static int WaitForChild(int parent)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (ChildProcesses.Of(parent) is [int child, ..])
            {
                return child;
            }

            Thread.Sleep(50);
        }

        Assert.Fail("no child process started");
        return 0;
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }
}
