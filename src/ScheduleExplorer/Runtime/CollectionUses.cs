using System.Runtime.CompilerServices;
using ScheduleExplorer.Detection;

namespace ScheduleExplorer.Runtime;

/// <summary>
/// The calls in progress on each non-thread-safe collection instance. A call is "begin use →
/// scheduling point → the real call"; the use ends at the caller's next scheduling point, so an
/// exception thrown by the real call needs no cleanup. An operation that begins a use while another
/// operation is inside a conflicting use of the same instance (one of them writing) is a bug:
/// on real threads the two calls would overlap and corrupt the collection.
/// </summary>
internal static class CollectionUses
{
    // Keyed by the collection itself (weakly, so collections of past iterations go away); the uses of
    // operations that moved on are pruned as new ones begin.
    private static readonly ConditionalWeakTable<object, List<CollectionUse>> s_uses = [];

    /// <summary>
    /// Records that <paramref name="operation"/> begins a use of <paramref name="instance"/>; returns
    /// the bug when another operation is inside a conflicting use, else null. Call it right before
    /// the scheduling point of the call, with the step count the point will give the caller.
    /// </summary>
    public static BugReport? Begin(ControlledOperation operation, object instance, string collection, bool isWrite, string member, string site)
    {
        List<CollectionUse> uses = s_uses.GetOrCreateValue(instance);
        lock (uses)
        {
            uses.RemoveAll(u => !u.IsInProgress || ReferenceEquals(u.Operation, operation));
            foreach (CollectionUse other in uses)
            {
                if (other.IsWrite || isWrite)
                {
                    return Conflict(collection, operation, isWrite, member, site, other);
                }
            }

            uses.Add(new CollectionUse(operation, operation.Steps + 1, isWrite, member, site));
            return null;
        }
    }

    private static BugReport Conflict(string collection, ControlledOperation operation, bool isWrite, string member, string site, CollectionUse other) => new(
        BugKind.ConcurrentCollectionUse,
        $"Concurrent use of a non-thread-safe {collection}: '{operation.Name}' calls {Describe(member, isWrite)} at {site} while '{other.Operation.Name}' is inside {Describe(other.Member, other.IsWrite)} at {other.Site}.",
        $"{collection} is not thread-safe: calls from several threads must not overlap when one of them modifies it. "
            + "Guard every use with one lock, or use a concurrent collection (System.Collections.Concurrent) or an immutable one.",
        operation.Name);

    private static string Describe(string member, bool isWrite) => $"{member} (a {(isWrite ? "write" : "read")})";
}
