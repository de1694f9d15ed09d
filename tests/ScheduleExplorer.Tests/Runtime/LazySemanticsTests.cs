using ScheduleExplorer.Controlled;
using ScheduleExplorer.Detection;

namespace ScheduleExplorer.Tests.Runtime;

/// <summary>Lazy&lt;T&gt; in every thread-safety mode and LazyInitializer, in all schedules (DFS).</summary>
[TestFixture]
public sealed class LazySemanticsTests
{
    [Test]
    public void ExecutionAndPublication_FactoryReachingAPoint_RunsOnce_AndEveryoneSeesItsValue()
    {
        Explore.HoldsEverywhere(() =>
        {
            int runs = 0;
            var lazy = ControlledLazy.Create(() =>
            {
                Explore.Step();
                ControlledThread.Yield();
                return new object[] { ++runs };
            });
            object? seen = null;
            var other = Explore.Start(() => seen = ControlledLazy.get_Value(lazy));
            var mine = ControlledLazy.get_Value(lazy);
            ControlledThread.Join(other);
            if (runs != 1 || !ReferenceEquals(mine, seen) || !ControlledLazy.get_IsValueCreated(lazy))
            {
                throw new InvalidOperationException($"factory ran {runs} times; same value: {ReferenceEquals(mine, seen)}");
            }
        });
    }

    [Test]
    public void ExecutionAndPublication_FactoryWaitingForTheOtherReader_IsAVisibleDeadlock()
    {
        var (_, failure, _) = Explore.All(() =>
        {
            var go = ControlledManualResetEventSlim.Create(false);
            var lazy = ControlledLazy.Create(() =>
            {
                ControlledManualResetEventSlim.Wait(go);
                return 1;
            });
            var other = Explore.Start(() =>
            {
                _ = ControlledLazy.get_Value(lazy);
                ControlledManualResetEventSlim.Set(go);
            });
            _ = ControlledLazy.get_Value(lazy);
            ControlledManualResetEventSlim.Set(go);
            ControlledThread.Join(other);
        });
        Assert.That(failure?.Bug?.Kind, Is.EqualTo(BugKind.Deadlock), failure?.Bug?.Message ?? "no bug");
        Assert.That(failure!.Bug!.Message, Does.Contain("Lazy`1#"));
    }

    [Test]
    public void ExecutionAndPublication_CachesTheFactoryException_AndRecursionThrows()
    {
        var (_, failure, _) = Explore.All(() =>
        {
            int runs = 0;
            var failing = ControlledLazy.Create<int>(() => throw new FormatException($"run {++runs}"), LazyThreadSafetyMode.ExecutionAndPublication);
            var first = Assert.Throws<FormatException>(() => ControlledLazy.get_Value(failing));
            var second = Assert.Throws<FormatException>(() => ControlledLazy.get_Value(failing));
            Assert.That((first!.Message, second!.Message, runs), Is.EqualTo(("run 1", "run 1", 1)));

            Lazy<int>? recursive = null;
            recursive = ControlledLazy.Create(() => ControlledLazy.get_Value(recursive!));
            Assert.Throws<InvalidOperationException>(() => ControlledLazy.get_Value(recursive));
        });
        Assert.That(failure, Is.Null, failure?.Bug?.Message);
    }

    [Test]
    public void PublicationOnly_BothMayRunTheFactory_ButOneValueWins()
    {
        var runCounts = new HashSet<int>();
        Explore.HoldsEverywhere(() =>
        {
            int runs = 0;
            var lazy = ControlledLazy.Create(
                () =>
                {
                    runs++;
                    Explore.Step();
                    return new object();
                },
                LazyThreadSafetyMode.PublicationOnly);
            object? seen = null;
            var other = Explore.Start(() => seen = ControlledLazy.get_Value(lazy));
            var mine = ControlledLazy.get_Value(lazy);
            ControlledThread.Join(other);
            runCounts.Add(runs);
            if (!ReferenceEquals(mine, seen))
            {
                throw new InvalidOperationException("two values published");
            }
        });
        Assert.That(runCounts, Is.EquivalentTo(new[] { 1, 2 }));
    }

    [Test]
    public void None_ConcurrentFirstAccess_ThrowsInSomeSchedule_AsTheBclDoes()
    {
        var (_, failure, _) = Explore.All(() =>
        {
            var lazy = ControlledLazy.Create(
                () =>
                {
                    Explore.Step();
                    return 7;
                },
                LazyThreadSafetyMode.None);
            var other = Explore.Start(() => _ = ControlledLazy.get_Value(lazy));
            _ = ControlledLazy.get_Value(lazy);
            ControlledThread.Join(other);
        });
        Assert.That(failure?.Bug?.Kind, Is.EqualTo(BugKind.UnhandledException), failure?.Bug?.Message ?? "no bug");
        Assert.That(failure!.Bug!.Message, Does.Contain("InvalidOperationException: ValueFactory attempted to access the Value property"));
    }

    [Test]
    public void LazyInitializer_CompareExchange_MayRunTheFactoryTwice_ButPublishesOneInstance()
    {
        var runCounts = new HashSet<int>();
        Explore.HoldsEverywhere(() =>
        {
            object? target = null;
            int runs = 0;
            Func<object> factory = () =>
            {
                runs++;
                Explore.Step();
                return new object();
            };
            object? seen = null;
            var other = Explore.Start(() => seen = ControlledLazyInitializer.EnsureInitialized(ref target, factory));
            var mine = ControlledLazyInitializer.EnsureInitialized(ref target, factory);
            ControlledThread.Join(other);
            runCounts.Add(runs);
            if (!ReferenceEquals(mine, seen) || !ReferenceEquals(mine, target))
            {
                throw new InvalidOperationException("two instances published");
            }
        });
        Assert.That(runCounts, Is.EquivalentTo(new[] { 1, 2 }));
    }

    [Test]
    public void LazyInitializer_WithALock_RunsTheFactoryExactlyOnce()
    {
        Explore.HoldsEverywhere(() =>
        {
            int target = 0;
            bool initialized = false;
            object? syncLock = null;
            int runs = 0;
            Func<int> factory = () =>
            {
                Explore.Step();
                return ++runs * 10;
            };
            int seen = 0;
            var other = Explore.Start(() => seen = ControlledLazyInitializer.EnsureInitialized(ref target, ref initialized, ref syncLock, factory));
            int mine = ControlledLazyInitializer.EnsureInitialized(ref target, ref initialized, ref syncLock, factory);
            ControlledThread.Join(other);
            if (runs != 1 || mine != 10 || seen != 10)
            {
                throw new InvalidOperationException($"factory ran {runs} times ({mine}, {seen})");
            }
        });
    }
}
