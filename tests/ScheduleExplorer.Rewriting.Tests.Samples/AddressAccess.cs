namespace ScheduleExplorer.Rewriting.Tests.Samples;

// Accesses through addresses: traced to their field or element, local, or untraceable.
public sealed class AddressAccess
{
    private int _count;

    public static int BumpElement(int[] cells)
    {
        cells[0]++;
        return cells[0];
    }

    public int BumpField()
    {
        Bump(ref _count);
        return _count;
    }

    public static int BumpLocal()
    {
        KeyValuePair<int, int> pair = default;
        int local = pair.Key;
        Bump(ref local);
        return local;
    }

    public static void Bump(ref int value) => value++;
}
