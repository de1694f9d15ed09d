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

    [ThreadStatic]
    private static string? t_target;

    /// <summary>The site of the call being made, if the caller was rewritten.</summary>
    public static string? Current => t_site;

    /// <summary>
    /// Records the shared location ("Namespace.Type.field", "Int32[]") whose address the next
    /// Interlocked or Volatile call receives, or null when the rewriter could not tell. The
    /// rewriter sets it before every such call, so a value never outlives its call.
    /// </summary>
    public static void SetTarget(string? target) => t_target = target;

    /// <summary>The location set for the call being made, cleared as it is read.</summary>
    internal static string? TakeTarget()
    {
        string? target = t_target;
        t_target = null;
        return target;
    }

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
