namespace ScheduleExplorer.Rewriting.Tests.Samples;

// Captured variables live in a display class: shared user state, instrumented.
public static class Closures
{
    public static int CountWithClosure(int n)
    {
        int counter = 0;
        Action increment = () => counter++;
        for (int i = 0; i < n; i++)
        {
            increment();
        }

        return counter;
    }

    public static int SumArray(int n)
    {
        int[] values = new int[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = i;
        }

        int sum = 0;
        foreach (int v in values)
        {
            sum += v;
        }

        return sum;
    }
}
