namespace ScheduleExplorer.Rewriting.Tests.Samples;

// Volatile calls on an instance field, a static and a struct's field reached through an address.
public sealed class VolatileCalls
{
    private static int s_count;
    private bool _ready;
    private Pair _pair;

    public void Publish() => Volatile.Write(ref _ready, true);

    public bool IsReady() => Volatile.Read(ref _ready);

    public static int Count() => Volatile.Read(ref s_count);

    public int First() => Volatile.Read(ref _pair.First);

    public static void SetSlot(int[] slots, int index) => Volatile.Write(ref slots[index], 1);

    public void Reset()
    {
        s_count = 0;
        _pair = default;
    }

    public struct Pair
    {
        public int First;
    }
}
