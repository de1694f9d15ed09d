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

    [ThreadStatic]
    private static object? t_targetObject;

    [ThreadStatic]
    private static string? t_targetObjectLocation;

    /// <summary>The site of the call being made, if the caller was rewritten.</summary>
    public static string? Current => t_site;

    /// <summary>
    /// Records the shared location ("Namespace.Type.field", "Int32[]") whose address the next
    /// Interlocked or Volatile call receives, or null when the rewriter could not tell. The
    /// rewriter sets it before every such call, so a value never outlives its call.
    /// </summary>
    public static void SetTarget(string? target) => t_target = target;

    /// <summary>
    /// Records the object (null for a static) whose field <paramref name="location"/> the next
    /// <c>Volatile.Read</c>/<c>Write</c> call receives the address of, so its store can be buffered
    /// like a <c>volatile</c> field's. Set before the address is taken; it counts only for a call whose
    /// <see cref="SetTarget"/> names the same location.
    /// </summary>
    public static void SetTargetObject(object? instance, string location)
    {
        t_targetObject = instance ?? PendingAccess.Statics;
        t_targetObjectLocation = location;
    }

    /// <summary>The object set for <paramref name="target"/>, or null (none set, or set for another location); cleared as it is read.</summary>
    internal static object? TakeTargetObject(string? target)
    {
        object? instance = t_targetObject;
        string? location = t_targetObjectLocation;
        t_targetObject = null;
        t_targetObjectLocation = null;
        return target is not null && string.Equals(location, target, StringComparison.Ordinal) ? instance : null;
    }

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
