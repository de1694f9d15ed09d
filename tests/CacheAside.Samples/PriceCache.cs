using Microsoft.Extensions.Caching.Memory;

namespace CacheAside.Samples;

/// <summary>
/// Cache-aside with a check-then-act race: two readers that both miss both load the price from the
/// backing store, so the store sees two loads for one key.
/// </summary>
public sealed class PriceCache(IMemoryCache cache)
{
    private int _loads;

    public int Loads => Volatile.Read(ref _loads);

    public int GetPrice(string sku)
    {
        if (cache.TryGetValue(sku, out int price))
        {
            return price;
        }

        Interlocked.Increment(ref _loads);
        price = sku.Length * 100;
        cache.Set(sku, price);
        return price;
    }
}
