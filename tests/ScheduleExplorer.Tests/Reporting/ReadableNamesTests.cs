using ScheduleExplorer.Reporting.Timeline;

namespace ScheduleExplorer.Tests.Reporting;

public sealed class ReadableNamesTests
{
    [TestCase("ScheduleExplorer.Workloads.RacyCounter._count", "RacyCounter._count")]
    [TestCase("ScheduleExplorer.Workloads.Async.AsyncPhilosophers+<>c__DisplayClass4_1.first", "AsyncPhilosophers.first (captured)")]
    [TestCase("ScheduleExplorer.Workloads.Async.AsyncPhilosophers+<>c__DisplayClass4_1.CS$<>8__locals1", "AsyncPhilosophers.(outer closure)")]
    [TestCase("App.Bank+<TransferAsync>d__5.<total>5__2", "Bank.TransferAsync: total")]
    [TestCase("App.Bank.<Main>b__0_1", "Bank.lambda in Main")]
    [TestCase("App.Bank.<Balance>k__BackingField", "Bank.Balance")]
    [TestCase("Object[]", "Object[]")]
    public void Location_CompilerNames_ReadAsWritten(string recorded, string readable) =>
        Assert.That(ReadableNames.Location(recorded), Is.EqualTo(readable));
}
