using ScheduleExplorer.Common;

namespace ScheduleExplorer.Tests.Testing;

/// <summary>The order NUnit gives fixture methods, and tear-downs after a failure.</summary>
[TestFixture]
public sealed class FixtureLifecycleTests
{
    [Test]
    public void Run_CallsBaseSetUpsFirst_AndDerivedTearDownsFirst()
    {
        var fixture = new DerivedFixture();
        FixtureLifecycle.Of(typeof(DerivedFixture)).Run(fixture, () => fixture.Calls.Add("test"), static (_, _) => { });
        Assert.That(fixture.Calls, Is.EqualTo(new[]
        {
            "base one-time set-up", "base set-up", "derived one-time set-up", "derived set-up", "test",
            "derived tear-down", "derived one-time tear-down", "base tear-down", "base one-time tear-down",
        }));
    }

    [Test]
    public void Run_WhenTheTestThrows_TearsDown_AndRethrowsTheTestsException()
    {
        var fixture = new DerivedFixture { FailTearDown = true };
        var thrown = Assert.Throws<InvalidOperationException>(() =>
            FixtureLifecycle.Of(typeof(DerivedFixture)).Run(fixture, () => throw new InvalidOperationException("test failed"), static (_, _) => { }));
        Assert.Multiple(() =>
        {
            Assert.That(thrown!.Message, Is.EqualTo("test failed"), "the first failure wins");
            Assert.That(fixture.Calls, Does.Contain("derived tear-down").And.Contain("base one-time tear-down"));
        });
    }

    [Test]
    public void Run_WhenATearDownThrowsAfterAPass_ThrowsIt()
    {
        var fixture = new DerivedFixture { FailTearDown = true };
        var thrown = Assert.Throws<InvalidOperationException>(() => FixtureLifecycle.Of(typeof(DerivedFixture)).Run(fixture, static () => { }, static (_, _) => { }));
        Assert.That(thrown!.Message, Is.EqualTo("tear-down failed"));
    }

    [Test]
    public void Of_ATypeWithoutFixtureMethods_IsEmpty() => Assert.That(FixtureLifecycle.Of(typeof(FixtureLifecycleTests)).IsEmpty, Is.True);

    public class BaseFixture
    {
        public List<string> Calls { get; } = [];

        [OneTimeSetUp]
        public void BaseOneTimeSetUp() => Calls.Add("base one-time set-up");

        [SetUp]
        public void BaseSetUp() => Calls.Add("base set-up");

        [TearDown]
        public void BaseTearDown() => Calls.Add("base tear-down");

        [OneTimeTearDown]
        public void BaseOneTimeTearDown() => Calls.Add("base one-time tear-down");
    }

    public sealed class DerivedFixture : BaseFixture
    {
        public bool FailTearDown { get; init; }

        [OneTimeSetUp]
        public void DerivedOneTimeSetUp() => Calls.Add("derived one-time set-up");

        [SetUp]
        public void DerivedSetUp() => Calls.Add("derived set-up");

        [TearDown]
        public void DerivedTearDown()
        {
            Calls.Add("derived tear-down");
            if (FailTearDown)
            {
                throw new InvalidOperationException("tear-down failed");
            }
        }

        [OneTimeTearDown]
        public void DerivedOneTimeTearDown() => Calls.Add("derived one-time tear-down");
    }
}
