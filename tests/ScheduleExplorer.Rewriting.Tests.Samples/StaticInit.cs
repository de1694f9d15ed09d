namespace ScheduleExplorer.Rewriting.Tests.Samples;

// An explicit static constructor writing a static field: never instrumented.
public static class StaticInit
{
    private static readonly int[] s_table;
    public static int Limit;

    static StaticInit()
    {
        Limit = 10;
        s_table = new int[3];
        for (int i = 0; i < s_table.Length; i++)
        {
            s_table[i] = i * Limit;
        }
    }

    public static int Get() => Limit + s_table[2];
}
