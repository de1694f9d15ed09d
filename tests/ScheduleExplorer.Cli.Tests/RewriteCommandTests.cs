using ScheduleExplorer.Cli.Commands;

namespace ScheduleExplorer.Cli.Tests;

/// <summary><c>schedex rewrite coyote.json</c> writes the rewritten assemblies and says what changed.</summary>
[TestFixture]
public sealed class RewriteCommandTests
{
    [Test]
    public void Rewrite_Workloads_WritesTheAssemblyAndPrintsItsStatistics()
    {
        using var temp = new TempDirectory();
        File.Copy(CliRun.Workloads, temp.File("ScheduleExplorer.Workloads.dll"));
        File.Copy(Path.ChangeExtension(CliRun.Workloads, ".pdb"), temp.File("ScheduleExplorer.Workloads.pdb"));
        string configuration = temp.Write("coyote.json", """
            {
              // Coyote's format: paths relative to this file.
              "AssembliesPath": ".",
              "OutputPath": "rewritten",
              "Assemblies": [ "ScheduleExplorer.Workloads.dll" ],
            }
            """);
        var run = CliRun.Of("rewrite", configuration);
        string output = Path.Combine(temp.Path, "rewritten", "ScheduleExplorer.Workloads.dll");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            Assert.That(File.Exists(output), Is.True);
            Assert.That(File.ReadAllBytes(output), Is.Not.EqualTo(File.ReadAllBytes(CliRun.Workloads)));
            Assert.That(run.Out, Does.Contain("ScheduleExplorer.Workloads.dll -> ").And.Contain("methods").And.Contain("memory points"));
            Assert.That(run.Out, Does.Contain("Rewrote 1 of 1 assemblies"));
        });
    }

    [Test]
    public void Rewrite_IgnoredAssembly_IsSkipped()
    {
        using var temp = new TempDirectory();
        File.Copy(CliRun.Workloads, temp.File("ScheduleExplorer.Workloads.dll"));
        string configuration = temp.Write("coyote.json", """
            { "OutputPath": "out", "Assemblies": [ "ScheduleExplorer.Workloads.dll" ], "IgnoredAssemblies": [ "ScheduleExplorer.Workloads" ] }
            """);
        var run = CliRun.Of("rewrite", configuration);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            Assert.That(run.Out, Does.Contain("skipped"));
            Assert.That(File.Exists(Path.Combine(temp.Path, "out", "ScheduleExplorer.Workloads.dll")), Is.False);
        });
    }

    [TestCase("/x/A.dll", "A", ExpectedResult = true)]
    [TestCase("/x/A.dll", "a.dll", ExpectedResult = true)]
    [TestCase("/x/A.dll", "B", ExpectedResult = false)]
    [TestCase("/x/A.Tests.dll", "A", ExpectedResult = false)]
    public bool IsIgnored_MatchesSimpleOrFileName(string assembly, string ignored) =>
        RewriteCommand.IsIgnored(assembly, [ignored]);
}
