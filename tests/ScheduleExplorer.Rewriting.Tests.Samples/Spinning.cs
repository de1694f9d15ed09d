namespace ScheduleExplorer.Rewriting.Tests.Samples;

// Loops (back-edges), Random with a base call from an override, Debug.Assert.
public static class Spinning
{
    public static int Count(int n)
    {
        int i = 0;
        while (i < n)
        {
            i++;
        }

        return i;
    }

    public static int Roll(int seed) => new SeededRandom(seed).Next();

    public static void Check(bool condition) => System.Diagnostics.Debug.Assert(condition, "must hold");
}
