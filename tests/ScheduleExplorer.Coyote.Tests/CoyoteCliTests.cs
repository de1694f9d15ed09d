using System.Diagnostics;
using System.Text.Json;
using ScheduleExplorer.CoyoteEntries;

namespace ScheduleExplorer.Coyote.Tests;

/// <summary>
/// The real coyote CLI (the <c>microsoft.coyote.cli</c> tool of <c>.config/dotnet-tools.json</c>, installed by
/// <c>dotnet tool restore</c>) on the bundled workloads: <c>coyote rewrite</c> of a coyote.json, <c>coyote test</c>
/// of the <see cref="HeadlineTests"/> entries finds both headline bugs and none in their fixes, and
/// <c>coyote replay</c> reproduces the trace it wrote. The CLI exits 0 when it found no bug and 2 when it did.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class CoyoteCliTests
{
    private string _folder = "";
    private string _rewritten = "";

    [OneTimeSetUp]
    public void RewriteWithTheCoyoteCli()
    {
        // The tool of .config/dotnet-tools.json, as `dotnet tool restore` installs it (quick when it already is),
        // so the README's one test command is enough on a fresh machine.
        (int restored, string restoreLog) = Dotnet("tool", "restore");
        Assert.That(restored, Is.Zero, restoreLog);

        _folder = Path.Combine(Path.GetTempPath(), "schedex-coyote-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _rewritten = Path.Combine(_folder, "rewritten");
        string configuration = Path.Combine(_folder, "coyote.json");
        File.WriteAllText(configuration, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["AssembliesPath"] = EntriesBuildFolder(),
            ["OutputPath"] = _rewritten,
            ["Assemblies"] = new[] { "ScheduleExplorer.Workloads.dll", "ScheduleExplorer.CoyoteEntries.dll" },
        }));
        (int exit, string output) = Coyote("rewrite", configuration);
        Assert.That(exit, Is.Zero, output);
        Assert.That(output, Does.Contain("Writing the modified 'ScheduleExplorer.CoyoteEntries.dll'"));
    }

    [OneTimeTearDown]
    public void RemoveTheFolder()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [TestCase(nameof(HeadlineTests.LostUpdateUnsynchronized), "Lost update: expected", "--enable-memory-access-races")]
    [TestCase(nameof(HeadlineTests.DiningPhilosophersLeftThenRight), "Potential deadlock or hang detected", "--deadlock-timeout 100")]
    [TestCase(nameof(HeadlineTests.AsyncLostUpdateAcrossAwait), "Lost update across an await", "")]
    [TestCase(nameof(HeadlineTests.AsyncPhilosophersLeftThenRight), "Deadlock detected", "")]
    public void CoyoteTest_FindsTheBug(string method, string message, string options)
    {
        string output = Path.Combine(_folder, method);
        // Coyote's default is a portfolio that takes about 150 iterations to reach the Thread-based
        // deadlock; its random strategy at seed 1 reaches it at iteration 25. Each iteration of the
        // philosophers waits out Coyote's deadlock timeout (a second by default; 100 ms here).
        (int exit, string log) = Coyote(["test", Entries, "-m", method, "-i", "100", "-s", "random", "--seed", "1", "-o", output, .. Split(options)]);
        Assert.That(exit, Is.EqualTo(2), log);
        Assert.That(log, Does.Contain("found bug #1").And.Contain("Found 1 bug."));
        string report = Directory.GetFiles(Path.Combine(output, "CoyoteOutput"), "*.txt").Single();
        Assert.That(File.ReadAllText(report), Does.Contain(message));
    }

    [TestCase(nameof(HeadlineTests.AsyncLostUpdateAcrossAwait), "Lost update across an await")]
    [TestCase(nameof(HeadlineTests.AsyncPhilosophersLeftThenRight), "Deadlock detected")]
    public void CoyoteReplay_ReproducesTheTraceCoyoteTestWrote(string method, string message)
    {
        string output = Path.Combine(_folder, "replay-" + method);
        (int found, string log) = Coyote("test", Entries, "-m", method, "-i", "100", "-s", "random", "--seed", "1", "-o", output);
        Assert.That(found, Is.EqualTo(2), log);
        string trace = Directory.GetFiles(Path.Combine(output, "CoyoteOutput"), "*.trace").Single();

        (int exit, string replay) = Coyote("replay", Entries, trace, "-m", method);
        Assert.That(replay, Does.Contain("Reproduced 1 bug").And.Contain(message));
        Assert.That(exit, Is.EqualTo(2), replay);
    }

    // Thread-based iterations take about a second each under Coyote, so those fixes run fewer.
    [TestCase(nameof(HeadlineTests.LostUpdateInterlocked), 3, "--enable-memory-access-races")]
    [TestCase(nameof(HeadlineTests.DiningPhilosophersOrderedForks), 3, "")]
    [TestCase(nameof(HeadlineTests.AsyncLostUpdateAcrossAwaitLocked), 100, "")]
    [TestCase(nameof(HeadlineTests.AsyncPhilosophersOrderedForks), 100, "")]
    public void CoyoteTest_FindsNoBugInTheFix(string method, int iterations, string options)
    {
        string count = iterations.ToString(System.Globalization.CultureInfo.InvariantCulture);
        (int exit, string log) = Coyote(["test", Entries, "-m", method, "-i", count, "-s", "random", "--seed", "1", "-o", Path.Combine(_folder, method), .. Split(options)]);
        Assert.That(log, Does.Contain("Found 0 bugs."));
        Assert.That(exit, Is.Zero, log);
    }

    /// <summary>
    /// The entries project's own build folder (its deps.json is there; Coyote's test host needs it to
    /// resolve the workloads), in this test's configuration.
    /// </summary>
    private static string EntriesBuildFolder()
    {
        string tests = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        string framework = Path.GetFileName(tests);
        string configuration = Path.GetFileName(Path.GetDirectoryName(tests)!);
        var repository = new DirectoryInfo(tests);
        while (repository != null && !File.Exists(Path.Combine(repository.FullName, "ScheduleExplorer.sln")))
        {
            repository = repository.Parent;
        }

        Assert.That(repository, Is.Not.Null, "the tests run from a build inside the repository");
        return Path.Combine(repository!.FullName, "tools", "ScheduleExplorer.CoyoteEntries", "bin", configuration, framework);
    }

    private string Entries => Path.Combine(_rewritten, "ScheduleExplorer.CoyoteEntries.dll");

    private static string[] Split(string options) => options.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Runs <c>dotnet coyote …</c> from the repository (where the tool manifest is); exit code and output.</summary>
    private static (int Exit, string Output) Coyote(params string[] arguments) => Dotnet(["coyote", .. arguments]);

    /// <summary>Runs <c>dotnet …</c> from the test's folder, inside the repository; exit code and output.</summary>
    private static (int Exit, string Output) Dotnet(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(4)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {string.Join(' ', arguments)} ran longer than 4 minutes");
        }

        return (process.ExitCode, output + error.Result);
    }
}
