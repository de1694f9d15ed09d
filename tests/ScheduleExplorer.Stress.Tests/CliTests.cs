using ScheduleExplorer.Cli;

namespace ScheduleExplorer.Stress.Tests;

/// <summary>`schedex stress` and `schedex demo` in-process: exit codes, one-line errors, and a real run.</summary>
[TestFixture]
public sealed class CliTests
{
    private static readonly string s_workloads = typeof(Workloads.LostUpdate).Assembly.Location;

    [Test]
    public void Stress_LockedCounter_ExitsZeroWithHeld()
    {
        (int exit, string output, string error) = Run("stress", s_workloads, "--method", "LostUpdate.Locked", "--threads", "2", "--size", "1000", "-r", "3");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, error);
            Assert.That(output, Does.StartWith("HELD: ScheduleExplorer.Workloads.LostUpdate.Locked(2, 1000)"));
            Assert.That(output, Does.Contain("p99"));
        });
    }

    [Test]
    public void Stress_CountedBreakingEntry_ExitsOneAndWritesTheJsonReport()
    {
        string report = Path.Combine(Path.GetTempPath(), $"schedex-stress-{Guid.NewGuid():N}.json");
        try
        {
            (int exit, string output, _) = Run("stress", typeof(Entries.Tally).Assembly.Location, "--method", "Tally.Leaky", "--threads", "2", "--size", "5", "-r", "2", "--report", report);

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(1));
                Assert.That(output, Does.StartWith("BROKEN"));
                Assert.That(output, Does.Contain("lost updates 2 of 20"));
                Assert.That(File.ReadAllText(report), Does.Contain("\"lostUpdates\": 2"));
            });
        }
        finally
        {
            File.Delete(report);
        }
    }

    [TestCase("missing.dll", "--method", "M", ExpectedResult = "assembly not found: missing.dll")]
    [TestCase("@text", "--method", "M", ExpectedResult = "not a .NET assembly")]
    [TestCase("@workloads", "--method", "LostUpdate.Nope", ExpectedResult = "method 'LostUpdate.Nope' not found")]
    [TestCase("@workloads", "--method", "LostUpdate.Locked", "--threads", "0", ExpectedResult = "--threads must be from 1")]
    [TestCase("@workloads", "--method", "LostUpdate.Locked", "-r", "many", ExpectedResult = "--repetitions: 'many' is not a whole number")]
    [TestCase("@workloads", "--method", "LostUpdate.Locked", "--watchdog", "-1", ExpectedResult = "--watchdog must be positive")]
    [TestCase("@workloads", "--method", "LostUpdate.Locked", "-r", "2", "--duration", "1", ExpectedResult = "give --repetitions or --duration, not both")]
    [TestCase("@workloads", "--method", "DiningPhilosophers.Waiter", "--threads", "1", "--size", "3", ExpectedResult = "rejected its arguments")]
    [TestCase("@workloads", ExpectedResult = "stress needs --method")]
    public string Stress_BadInput_ExitsTwoWithOneLine(params string[] arguments)
    {
        string text = Path.Combine(Path.GetTempPath(), $"schedex-not-dotnet-{Guid.NewGuid():N}.dll");
        File.WriteAllText(text, "this is not a portable executable");
        try
        {
            string[] args = [.. arguments.Select(a => a switch { "@workloads" => s_workloads, "@text" => text, _ => a })];
            (int exit, string output, string error) = Run(["stress", .. args]);
            string[] lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(2));
                Assert.That(lines, Has.Length.EqualTo(1), error);
                Assert.That(error, Does.StartWith(CliConsole.ErrorPrefix));
                Assert.That(error, Does.Not.Contain("   at "));
                Assert.That(output, Is.Empty);
            });
            string message = lines[0][CliConsole.ErrorPrefix.Length..];
            return message.Contains("not a .NET assembly", StringComparison.Ordinal) ? "not a .NET assembly" : Fragment(message, arguments);
        }
        finally
        {
            File.Delete(text);
        }
    }

    [Test]
    public void Demo_BadLatency_ExitsTwo()
    {
        (int exit, _, string error) = Run("demo", "io", "--latency", "-5");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("--latency must be from 0"));
        });
    }

    /// <summary>The part of <paramref name="message"/> the test case names (the message starts with it, or contains it).</summary>
    private static string Fragment(string message, string[] arguments)
    {
        _ = arguments;
        foreach (string known in (string[])["assembly not found: missing.dll", "method 'LostUpdate.Nope' not found", "--threads must be from 1",
            "--repetitions: 'many' is not a whole number", "--watchdog must be positive", "give --repetitions or --duration, not both",
            "rejected its arguments", "stress needs --method"])
        {
            if (message.Contains(known, StringComparison.Ordinal))
            {
                return known;
            }
        }

        return message;
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = ScheduleExplorer.Cli.Program.Run(args, output, error);
        TestContext.Out.WriteLine($"schedex {string.Join(' ', args)} -> {exit}\n{output}\n{error}");
        return (exit, output.ToString(), error.ToString());
    }
}
