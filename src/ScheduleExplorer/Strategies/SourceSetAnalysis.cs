using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Strategies;

/// <summary>
/// The race analysis of source-set DPOR (Abdulla, Aronis, Jonsson, Sagonas, POPL 2014) over one
/// executed schedule: happens-before is program order plus the order of dependent steps (vector
/// clocks over step indices); two steps of different operations race when they are dependent and
/// nothing between them orders them. For each race (i, j) the reversal to explore is
/// v = the steps after i that do not happen after i, then j; its initials (operations whose first
/// step in v is preceded by nothing in v that happens before it) are what may start v.
/// </summary>
internal static class SourceSetAnalysis
{
    /// <summary>
    /// Calls <paramref name="onRace"/> with (i, initials of the reversal) for every race (i, j) of
    /// <paramref name="steps"/> with j ≥ <paramref name="firstNew"/> (earlier pairs were analysed
    /// when their schedule first ran). <paramref name="createdBy"/>[q] is the step that created
    /// operation q (-1 or absent when unknown): q's first step happens after it.
    /// </summary>
    public static void Analyze(IReadOnlyList<ExecutedStep> steps, IReadOnlyList<int> createdBy, int firstNew, Action<int, IReadOnlyList<int>> onRace)
    {
        int n = steps.Count;
        if (n < 2)
        {
            return;
        }

        int operations = 0;
        foreach (var step in steps)
        {
            operations = Math.Max(operations, step.Operation + 1);
        }

        // clocks[k][p] = 1 + the index of the last step of p that happens before or is step k.
        var clocks = new int[n][];
        var last = new int[operations];
        Array.Fill(last, -1);
        var races = new List<(int I, int J)>();
        for (int j = 0; j < n; j++)
        {
            int q = steps[j].Operation;
            int before = last[q] >= 0 ? last[q] : q < createdBy.Count && createdBy[q] >= 0 && createdBy[q] < j ? createdBy[q] : -1;
            var clock = before >= 0 ? (int[])clocks[before].Clone() : new int[operations];
            for (int i = j - 1; i >= 0; i--)
            {
                int p = steps[i].Operation;
                if (p == q || clock[p] > i || !StepEffect.Dependent(steps[i].Effects, steps[j].Effects))
                {
                    continue;
                }

                if (j >= firstNew)
                {
                    races.Add((i, j));
                }

                Join(clock, clocks[i]);
            }

            clock[q] = j + 1;
            clocks[j] = clock;
            last[q] = j;
        }

        foreach (var (i, j) in races)
        {
            onRace(i, Initials(steps, clocks, i, j));
        }
    }

    private static List<int> Initials(IReadOnlyList<ExecutedStep> steps, int[][] clocks, int i, int j)
    {
        // v: the steps after i that do not happen after it, then j.
        var v = new List<int>();
        int p = steps[i].Operation;
        for (int k = i + 1; k < j; k++)
        {
            if (clocks[k][p] <= i)
            {
                v.Add(k);
            }
        }

        v.Add(j);
        var initials = new List<int>();
        var seen = new HashSet<int>();
        for (int a = 0; a < v.Count; a++)
        {
            int k = v[a];
            int r = steps[k].Operation;
            if (!seen.Add(r))
            {
                continue;
            }

            bool first = true;
            for (int b = 0; b < a && first; b++)
            {
                int earlier = v[b];
                first = clocks[k][steps[earlier].Operation] <= earlier;
            }

            if (first)
            {
                initials.Add(r);
            }
        }

        return initials;
    }

    private static void Join(int[] into, int[] other)
    {
        for (int x = 0; x < into.Length && x < other.Length; x++)
        {
            into[x] = Math.Max(into[x], other[x]);
        }
    }
}
