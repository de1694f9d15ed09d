namespace ScheduleExplorer.Reporting.Timeline;

/// <summary>What each operation was doing at each step: running, blocked, waiting its turn, or not alive.</summary>
internal static class LaneStates
{
    /// <summary>Not started yet, or completed.</summary>
    public const char Absent = ' ';

    /// <summary>Alive and able to run, but another operation runs.</summary>
    public const char Ready = '─';

    /// <summary>Blocked until another operation wakes it (or forever, in a deadlock).</summary>
    public const char Blocked = '·';

    /// <summary>The state of lane <paramref name="lane"/> at every step (its own steps hold <see cref="LaneCell.Ran"/>).</summary>
    public static char[] Of(Timeline timeline, int lane)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var info = timeline.Lanes[lane];
        var states = new char[timeline.Steps.Count];
        Array.Fill(states, Absent);
        if (info.FirstStep < 0)
        {
            return states;
        }

        int end = info.Completed ? info.LastStep : states.Length - 1;
        for (int i = info.FirstStep; i <= end; i++)
        {
            states[i] = Ready;
        }

        bool stuck = timeline.Steps[info.LastStep].Marks.HasFlag(StepMarks.Deadlock);
        foreach (var edge in timeline.Edges.Where(e => e.ToLane == lane))
        {
            for (int i = edge.BlockedStep + 1; i < edge.ToStep; i++)
            {
                states[i] = Blocked;
            }
        }

        for (int i = stuck ? info.LastStep + 1 : states.Length; i < states.Length; i++)
        {
            states[i] = Blocked;
        }

        foreach (var step in timeline.Steps.Where(s => s.Lane == lane))
        {
            states[step.Index] = LaneCell.Ran(step.Marks);
        }

        return states;
    }
}
