using ScheduleExplorer.Traces;

namespace ScheduleExplorer.Cli.Tests;

/// <summary>Bad files and names: exit code 2 with one "schedex: error: …" line, never a stack trace.</summary>
[TestFixture]
public sealed class BadInputTests
{
    private TempDirectory _temp = null!;

    [SetUp]
    public void SetUp() => _temp = new TempDirectory();

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public void Test_AssemblyNotFound_ExitsTwo() =>
        CliRun.Of("test", _temp.File("missing.dll"), "--method", "M").AssertBadInput("assembly not found:");

    [Test]
    public void Test_TextFileNamedDll_IsNotADotNetAssembly()
    {
        string fake = _temp.Write("x.dll", "this is not a portable executable");
        CliRun.Of("test", fake, "--method", "M").AssertBadInput("not a .NET assembly");
    }

    [Test]
    public void Test_MethodNotFound_ExitsTwo() =>
        CliRun.Of("test", CliRun.Workloads, "--method", "LostUpdate.Nonexistent", "-v", "quiet").AssertBadInput("method 'LostUpdate.Nonexistent' not found");

    [Test]
    public void Test_AmbiguousMethod_ListsTheCandidates() =>
        CliRun.Of("test", CliRun.Workloads, "--method", "Run", "-v", "quiet").AssertBadInput("is ambiguous");

    [Test]
    public void Test_ReportInAFolderThatIsAFile_ExitsTwo()
    {
        string file = _temp.Write("file", string.Empty);
        CliRun.Of("test", CliRun.Workloads, "--method", "LostUpdate.Locked", "-i", "5", "-v", "quiet", "--report", Path.Combine(file, "r.json"))
            .AssertBadInput($"cannot create the report folder '{file}'");
    }

    [Test]
    public void Test_OutdirThatIsAFile_ExitsTwoBeforeExploring()
    {
        string file = _temp.Write("traces", string.Empty);
        CliRun.Of("test", CliRun.Workloads, "--method", "LostUpdate.Unsynchronized", "-o", file, "-v", "quiet")
            .AssertBadInput($"cannot create the traces folder '{file}'");
    }

    [Test]
    public void Replay_MalformedJson_ExitsTwo()
    {
        string trace = _temp.Write("bad.json", "{ \"formatVersion\": 1, \"steps\": [ ");
        CliRun.Of("replay", CliRun.Workloads, trace).AssertBadInput("bad.json is not a valid trace");
    }

    [Test]
    public void Replay_ForeignJson_ExitsTwo()
    {
        string trace = _temp.Write("package.json", "{ \"name\": \"left-pad\" }");
        CliRun.Of("replay", CliRun.Workloads, trace).AssertBadInput("package.json is not a ScheduleExplorer trace");
    }

    [Test]
    public void Replay_OtherFormatVersion_ExitsTwo()
    {
        string trace = _temp.Write("future.json", "{ \"formatVersion\": 99, \"steps\": [] }");
        CliRun.Of("replay", CliRun.Workloads, trace).AssertBadInput("format version 99");
    }

    [Test]
    public void Replay_TraceFileNotFound_ExitsTwo() =>
        CliRun.Of("replay", CliRun.Workloads, _temp.File("nope.json")).AssertBadInput("trace file not found");

    [Test]
    public void Replay_CorruptToken_ExitsTwo() =>
        CliRun.Of("replay", CliRun.Workloads, "schedex1:!!!").AssertBadInput("token");

    [Test]
    public void Replay_TraceOfAnotherMethod_ExitsTwo()
    {
        string trace = WriteTrace(t => t with { Method = "ScheduleExplorer.Workloads.LostUpdate.Locked" });
        CliRun.Of("replay", CliRun.Workloads, trace, "--method", "LostUpdate.Unsynchronized", "-v", "quiet")
            .AssertBadInput("the trace is for method 'ScheduleExplorer.Workloads.LostUpdate.Locked', not 'ScheduleExplorer.Workloads.LostUpdate.Unsynchronized'");
    }

    [Test]
    public void Replay_MethodOptionOtherThanTheTrace_ExitsTwo()
    {
        string trace = WriteTrace(t => t);
        CliRun.Of("replay", CliRun.Workloads, trace, "--method", "LostUpdate.Locked", "-v", "quiet").AssertBadInput("the trace is for method");
    }

    [Test]
    public void Replay_TraceOfAMethodMissingFromTheAssembly_ExitsTwo()
    {
        string trace = WriteTrace(t => t with { Method = "Elsewhere.Type.Test" });
        CliRun.Of("replay", CliRun.Workloads, trace, "-v", "quiet").AssertBadInput("not found");
    }

    [Test]
    public void Replay_TraceOfAnotherAssembly_ExitsTwo()
    {
        string trace = WriteTrace(t => t with { Assembly = "Contoso.Orders" });
        CliRun.Of("replay", CliRun.Workloads, trace, "-v", "quiet").AssertBadInput("the trace is for assembly 'Contoso.Orders'");
    }

    [Test]
    public void Replay_TraceOfAnotherBuild_IsReplayedAnyway()
    {
        // The engine warns and replays (divergence is checked at every step) rather than refusing a rebuild.
        string trace = WriteTrace(t => t with { Mvid = Guid.NewGuid() });
        var run = CliRun.Of("replay", CliRun.Workloads, trace, "-v", "quiet");
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
        Assert.That(run.Out, Does.Contain("Lost update"));
    }

    [Test]
    public void Rewrite_MalformedConfiguration_ExitsTwo()
    {
        string configuration = _temp.Write("coyote.json", "{ \"Assemblies\": [ \"A.dll\" ");
        CliRun.Of("rewrite", configuration).AssertBadInput("coyote.json: malformed JSON");
    }

    [Test]
    public void Rewrite_MissingConfiguration_ExitsTwo() =>
        CliRun.Of("rewrite", _temp.File("coyote.json")).AssertBadInput("configuration file not found");

    [Test]
    public void Rewrite_ListedAssemblyMissing_ExitsTwo()
    {
        string configuration = _temp.Write("coyote.json", "{ \"Assemblies\": [ \"Missing.dll\" ] }");
        CliRun.Of("rewrite", configuration).AssertBadInput("assembly not found");
    }

    [Test]
    public void Rewrite_TextFileNamedDll_ExitsTwo()
    {
        _temp.Write("x.dll", "not an assembly");
        string configuration = _temp.Write("coyote.json", "{ \"Assemblies\": [ \"x.dll\" ], \"OutputPath\": \"out\" }");
        CliRun.Of("rewrite", configuration, "-v", "quiet").AssertBadInput("x.dll");
    }

    /// <summary>A real trace of the lost update, changed by <paramref name="change"/> and written to the temp folder.</summary>
    private string WriteTrace(Func<ScheduleTrace, ScheduleTrace> change)
    {
        var found = CliRun.Of("test", CliRun.Workloads, "--method", "LostUpdate.Unsynchronized", "-o", _temp.Path, "-v", "quiet");
        Assume.That(found.ExitCode, Is.EqualTo(1), "the lost update is found");
        string original = Directory.GetFiles(_temp.Path, "*.json").Single();
        string changed = _temp.File("changed.json");
        TraceSerializer.WriteFile(change(TraceSerializer.ReadFile(original)), changed);
        return changed;
    }
}
