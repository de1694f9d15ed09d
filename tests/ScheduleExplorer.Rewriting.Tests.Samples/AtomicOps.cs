namespace ScheduleExplorer.Rewriting.Tests.Samples;

// Interlocked and Volatile take field addresses (ldsflda/ldflda), including generic overloads.
public static class AtomicOps
{
    private static int s_counter;
    private static string? s_name;
    private static bool s_flag;

    public static int Bump() => Interlocked.Increment(ref s_counter);

    public static int Current() => Volatile.Read(ref s_counter);

    public static string? ReadName() => Volatile.Read(ref s_name);

    public static string? SwapName(string value) => Interlocked.CompareExchange(ref s_name, value, s_name);

    public static bool SetFlag()
    {
        Volatile.Write(ref s_flag, true);
        return s_flag;
    }

    public static T? Replace<T>(ref T? location, T value)
        where T : class => Interlocked.CompareExchange(ref location, value, location);

    public static void Reset()
    {
        s_counter = 0;
        s_name = null;
        s_flag = false;
    }
}
