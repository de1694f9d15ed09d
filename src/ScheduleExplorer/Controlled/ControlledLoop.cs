using System.ComponentModel;
using System.Runtime.CompilerServices;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Called by rewritten code on every loop back-edge: a loop that never reaches a scheduling point
/// would starve every other operation, so it is counted and reported as a hang deterministically.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ControlledLoop
{
    /// <summary>A backward branch at <paramref name="site"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void BackEdge(string site)
    {
        if (ControlledScheduler.CurrentOperation is { } op)
        {
            op.Scheduler.OnBackEdge(op, site);
        }
    }
}
