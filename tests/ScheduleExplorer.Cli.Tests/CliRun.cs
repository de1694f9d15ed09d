namespace ScheduleExplorer.Cli.Tests;

/// <summary>One in-process run of schedex: its exit code and what it wrote.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>The bundled workloads, copied next to the test assembly.</summary>
    public static string Workloads => Path.Combine(AppContext.BaseDirectory, "ScheduleExplorer.Workloads.dll");

    /// <summary>Runs <c>schedex args…</c> with writers of its own.</summary>
    public static CliRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = Program.Run(args, output, error);
        var run = new CliRun(exitCode, output.ToString(), error.ToString());
        TestContext.Out.WriteLine($"schedex {string.Join(' ', args)} -> {exitCode}");
        TestContext.Out.WriteLine(run.Out);
        TestContext.Out.WriteLine(run.Error);
        return run;
    }

    /// <summary>The lines written to standard error.</summary>
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Asserts exit code 2 with exactly one "schedex: error: …" line containing <paramref name="fragment"/>.</summary>
    public void AssertBadInput(string fragment)
    {
        Assert.Multiple(() =>
        {
            Assert.That(ExitCode, Is.EqualTo(2), "exit code");
            Assert.That(ErrorLines, Has.Length.EqualTo(1), "one line on stderr");
            Assert.That(Error, Does.StartWith(CliConsole.ErrorPrefix));
            Assert.That(Error, Does.Contain(fragment));
            Assert.That(Error, Does.Not.Contain("   at "), "no stack trace");
            Assert.That(Out, Is.Empty, "nothing on stdout");
        });
    }
}
