using ScheduleExplorer.Stress.Demos;
using ScheduleExplorer.Workloads.RealWorld;

namespace ScheduleExplorer.Stress.Tests;

/// <summary>The loopback HTTP server and the demos, at small sizes (orders of magnitude only, never speed targets).</summary>
[TestFixture]
public sealed class DemoTests
{
    [Test]
    public async Task LoopbackHttpServer_Get_AnswersOnLoopbackAfterTheLatency()
    {
        using LoopbackHttpServer server = LoopbackHttpServer.Start(TimeSpan.FromMilliseconds(20));
        using var client = new HttpClient();

        string body = await client.GetStringAsync(server.Uri);

        Assert.Multiple(() =>
        {
            Assert.That(server.Uri.Host, Is.EqualTo("127.0.0.1"));
            Assert.That(body, Is.EqualTo("ok\n"));
            Assert.That(server.RequestsServed, Is.EqualTo(1));
        });
    }

    [Test]
    public void IoDemo_TenRequestsOf50Ms_AsyncTakesAboutOneLatencyAndSequentialTheSum()
    {
        IoDemoResult result = IoDemo.Run(10, TimeSpan.FromMilliseconds(50), maxThreads: 10);

        IoDemoRow sequential = result.Rows.Single(r => r.Mode == IoDemo.Sequential);
        IoDemoRow async = result.Rows.Single(r => r.Mode == IoDemo.Async);
        Assert.Multiple(() =>
        {
            Assert.That(result.Rows, Has.All.Matches<IoDemoRow>(r => r.Succeeded == 10));
            Assert.That(async.ElapsedMs, Is.LessThan(5 * 50), "async waits for the max, not the sum");
            Assert.That(sequential.ElapsedMs, Is.GreaterThanOrEqualTo(10 * 50 * 0.95), "one after the other is at least the sum");
            Assert.That(result.Rows.Where(r => r.Mode == IoDemo.Threads).Select(r => r.Threads), Is.EqualTo(new[] { 1, 2, 4, 8, 10 }));
        });
    }

    [Test]
    public void CpuDemo_SmallLimit_EveryModeCountsTheSamePrimes()
    {
        CpuDemoResult result = CpuDemo.Run(100_000, maxThreads: 2, repetitions: 1);

        Assert.Multiple(() =>
        {
            Assert.That(result.Consistent, Is.True);
            Assert.That(result.Rows[0].Primes, Is.EqualTo(9_592), "π(100,000)");
            Assert.That(result.Rows, Has.Count.EqualTo(1 + (3 * 2)));
            Assert.That(result.Fits.Keys, Is.EquivalentTo(CpuDemo.ParallelModes));
        });
    }

    [Test]
    public void PrimeCounting_EveryMode_AgreesWithSequential()
    {
        long expected = PrimeCounting.Sequential(50_000);

        Assert.Multiple(async () =>
        {
            Assert.That(expected, Is.EqualTo(5_133));
            Assert.That(PrimeCounting.ParallelFor(50_000, 3), Is.EqualTo(expected));
            Assert.That(PrimeCounting.Threads(50_000, 3), Is.EqualTo(expected));
            Assert.That(await PrimeCounting.AwaitTaskRunPerBlockAsync(50_000, 3), Is.EqualTo(expected));
        });
    }
}
