using Microsoft.Extensions.Caching.Memory;

namespace CacheAside.Samples;

/// <summary>The fixed twin of <see cref="PriceCache"/>: the check and the load happen under one lock.</summary>
public sealed class LockedPriceCache(IMemoryCache cache)
{
    private readonly Lock _gate = new();
    private int _loads;

    public int Loads => Volatile.Read(ref _loads);

    public int GetPrice(string sku)
    {
        lock (_gate)
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
}
