using Microsoft.Extensions.Caching.Memory;
using NUnit.Framework;

namespace CacheAside.Samples;

/// <summary>Two readers ask for the same price at once: the store must be asked once.</summary>
[TestFixture]
public class PriceCacheTests
{
    private MemoryCache? _cache;

    [SetUp]
    public void CreateCache() => _cache = new MemoryCache(new MemoryCacheOptions());

    [TearDown]
    public void DisposeCache()
    {
        _cache?.Dispose();
        _cache = null;
    }

    [Test]
    public void ConcurrentReaders_LoadOnce()
    {
        var prices = new PriceCache(Cache);
        RunTwice(() => prices.GetPrice("sku-42"));
        Assert.That(prices.Loads, Is.EqualTo(1), "loads from the store");
    }

    [Test]
    public void Locked_ConcurrentReaders_LoadOnce()
    {
        var prices = new LockedPriceCache(Cache);
        RunTwice(() => prices.GetPrice("sku-42"));
        Assert.That(prices.Loads, Is.EqualTo(1), "loads from the store");
    }

    // Without [SetUp] the cache is missing: a run that skipped it fails here, not with a lost load.
    private MemoryCache Cache => _cache ?? throw new InvalidOperationException("[SetUp] did not run");

    private static void RunTwice(Action read)
    {
        var first = new Thread(() => read());
        var second = new Thread(() => read());
        first.Start();
        second.Start();
        first.Join();
        second.Join();
    }
}
