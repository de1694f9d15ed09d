using System.ComponentModel;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// The source site ("File.cs:42") of the controlled call about to run on this thread. Rewritten
/// code sets it just before each redirected call, so reports and traces point at user code without
/// walking the stack.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ControlledSite
{
    [ThreadStatic]
    private static string? t_site;

    /// <summary>The site of the call being made, if the caller was rewritten.</summary>
    public static string? Current => t_site;

    /// <summary>Records the site of the next controlled call (inserted by the rewriter).</summary>
    public static void Set(string site)
    {
        t_site = site;
        if (UncontrolledThreadDetector.AnyRunning && ControlledScheduler.CurrentOperation is null)
        {
            UncontrolledThreadDetector.OnUncontrolledThread(site);
        }
    }
}
