using System.Text.RegularExpressions;
using Microsoft.Diagnostics.Runtime;

namespace ScheduleExplorer.Stress.Hangs;

/// <summary>
/// Inspects a process's managed threads with ClrMD (Microsoft.Diagnostics.Runtime): names, stacks with
/// source lines, the Monitors and <see cref="Lock"/>s each holds and the one it is blocked on, and the
/// wait-for cycle when there is one, from a snapshot of the process (<c>DataTarget.CreateSnapshotAndAttach</c>,
/// which runs the runtime's createdump on Linux: a few hundred milliseconds and a temporary dump file).
/// </summary>
public sealed partial class ClrMdThreadInspector : IThreadInspector
{
    private const int MaxFrames = 14;

    /// <inheritdoc />
    public ThreadInspection Inspect(int processId, string? workloadAssembly)
    {
        // A snapshot, never a live attach: createdump does the ptrace work in a process of its own. Attaching from
        // here would race System.Diagnostics.Process, whose SIGCHLD handler reaps a child's ptrace stops (the
        // attach then waits forever), and a process cannot attach to itself anyway.
        const string method = "ClrMD snapshot (createdump)";
        try
        {
            using DataTarget target = DataTarget.CreateSnapshotAndAttach(processId);
            if (target.ClrVersions.Length == 0)
            {
                return ThreadInspection.Failed(method, $"no .NET runtime found in process {processId}");
            }

            using ClrRuntime runtime = target.ClrVersions[0].CreateRuntime();
            using var lines = new SourceLineMap();
            return Read(runtime, workloadAssembly, lines) with { Method = method };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return ThreadInspection.Failed(method, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static ThreadInspection Read(ClrRuntime runtime, string? workloadAssembly, SourceLineMap lines)
    {
        var heap = HeapFacts.Read(runtime);
        var threads = new List<StuckThread>();
        int idle = 0;
        var waits = new Dictionary<int, (string What, ClrThread? Holder)>();
        foreach (ClrThread thread in runtime.Threads)
        {
            if (!thread.IsAlive)
            {
                continue;
            }

            List<StackFrameInfo> frames = [.. thread.EnumerateStackTrace()
                .Where(f => f.Kind == ClrStackFrameKind.ManagedMethod && f.Method is not null)
                .Take(MaxFrames)
                .Select(f => Frame(f, lines))];
            if (frames.Count == 0)
            {
                idle++;
                continue;
            }

            if (WaitTarget(thread, heap, runtime) is { } wait)
            {
                waits[thread.ManagedThreadId] = wait;
            }

            bool inWorkload = workloadAssembly is not null
                && frames.Exists(f => string.Equals(Path.GetFileNameWithoutExtension(f.Module), workloadAssembly, StringComparison.OrdinalIgnoreCase));
            threads.Add(new StuckThread(thread.ManagedThreadId, (int)thread.OSThreadId, heap.NameOf(thread.ManagedThreadId), frames,
                heap.HeldBy(thread), null, null, inWorkload));
        }

        // Labels need every thread's name, so the wait-for edges are filled in after the first pass.
        var byId = threads.ToDictionary(t => t.ManagedThreadId);
        for (int i = 0; i < threads.Count; i++)
        {
            if (waits.TryGetValue(threads[i].ManagedThreadId, out var wait))
            {
                string? holder = wait.Holder is { } h && byId.TryGetValue(h.ManagedThreadId, out StuckThread? owner) ? owner.Label : null;
                threads[i] = threads[i] with { WaitsFor = wait.What, WaitsForHolder = holder };
            }
        }

        List<StuckThread> ordered = [.. threads.OrderByDescending(t => t.InWorkload).ThenBy(t => t.ManagedThreadId)];
        return new ThreadInspection(ordered, idle, FindCycle(ordered), string.Empty);
    }

    /// <summary>The lock <paramref name="thread"/> is blocked entering, found among the roots of its Monitor/Lock frames.</summary>
    private static (string What, ClrThread? Holder)? WaitTarget(ClrThread thread, HeapFacts heap, ClrRuntime runtime)
    {
        foreach (ClrStackRoot root in thread.EnumerateStackRoots())
        {
            string? type = root.StackFrame?.Method?.Type?.Name;
            if (type is not ("System.Threading.Monitor" or "System.Threading.Lock") || !root.Object.IsValid)
            {
                continue;
            }

            ClrThread? holder = heap.HolderOf(root.Object.Address, runtime);
            if (holder is not null && holder.Address != thread.Address)
            {
                return (heap.Describe(root.Object), holder);
            }
        }

        return null;
    }

    private static List<string> FindCycle(List<StuckThread> threads)
    {
        var byLabel = threads.GroupBy(t => t.Label).ToDictionary(g => g.Key, g => g.First());
        foreach (StuckThread start in threads)
        {
            var path = new List<string>();
            StuckThread? current = start;
            while (current?.WaitsForHolder is { } next && !path.Contains(current.Label))
            {
                path.Add(current.Label);
                current = byLabel.GetValueOrDefault(next);
            }

            if (current is not null && path.IndexOf(current.Label) is >= 0 and var at)
            {
                return path[at..];
            }
        }

        return [];
    }

    private static StackFrameInfo Frame(ClrStackFrame frame, SourceLineMap lines)
    {
        ClrMethod method = frame.Method!;
        string? modulePath = method.Type?.Module?.Name;
        var location = lines.Find(modulePath, method.MetadataToken, method.GetILOffset(frame.InstructionPointer));
        string signature = method.Signature ?? $"{method.Type?.Name}.{method.Name}";
        return new StackFrameInfo(Shorten(signature), modulePath is null ? null : Path.GetFileName(modulePath), location?.File, location?.Line);
    }

    /// <summary>"Ns.Type.M(System.Object, Boolean ByRef)" → "Ns.Type.M(Object, Boolean&amp;)": namespaces off the parameter types.</summary>
    internal static string Shorten(string signature)
    {
        int open = signature.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return signature;
        }

        string parameters = QualifiedName().Replace(signature[open..], "$1").Replace(" ByRef", "&", StringComparison.Ordinal);
        return signature[..open] + parameters;
    }

    [GeneratedRegex(@"(?:[A-Za-z_][\w`]*\.)+([A-Za-z_][\w`]*)")]
    private static partial Regex QualifiedName();

    /// <summary>What one pass over the heap tells: thread names, Lock owners, and who references each Lock.</summary>
    private sealed class HeapFacts
    {
        private readonly Dictionary<int, string?> _names = [];
        private readonly Dictionary<ulong, uint> _lockOwners = [];
        private readonly Dictionary<ulong, string> _lockReferrers = [];
        private readonly Dictionary<ulong, ulong> _monitorHolders = [];
        private readonly Dictionary<ulong, List<ClrObject>> _monitorsByHolder = [];

        public static HeapFacts Read(ClrRuntime runtime)
        {
            var facts = new HeapFacts();
            ClrHeap heap = runtime.Heap;
            foreach (SyncBlock block in heap.EnumerateSyncBlocks())
            {
                if (block.IsMonitorHeld && block.HoldingThreadAddress != 0)
                {
                    facts._monitorHolders[block.Object] = block.HoldingThreadAddress;
                    ClrObject held = heap.GetObject(block.Object);
                    if (!facts._monitorsByHolder.TryGetValue(block.HoldingThreadAddress, out var list))
                    {
                        facts._monitorsByHolder[block.HoldingThreadAddress] = list = [];
                    }

                    list.Add(held);
                }
            }

            foreach (ClrObject item in heap.EnumerateObjects())
            {
                ClrType? type = item.Type;
                if (type is null || type.IsFree || type.IsArray || type.IsString)
                {
                    continue;
                }

                if (type.Name == "System.Threading.Thread")
                {
                    facts._names[item.ReadField<int>("_managedThreadId")] = item.ReadStringField("_name");
                }
                else if (type.Name == "System.Threading.Lock" && type.GetFieldByName("_owningThreadId") is not null)
                {
                    uint owner = item.ReadField<uint>("_owningThreadId");
                    if (owner != 0)
                    {
                        facts._lockOwners[item.Address] = owner;
                    }
                }

                foreach (ClrInstanceField field in type.Fields)
                {
                    if (field.IsObjectReference && field.Type?.Name == "System.Threading.Lock" && field.Name is { } name)
                    {
                        ClrObject gate = item.ReadObjectField(name);
                        if (!gate.IsNull)
                        {
                            facts._lockReferrers.TryAdd(gate.Address, $"{Named(item)}.{Pretty(name)}");
                        }
                    }
                }
            }

            return facts;
        }

        public string? NameOf(int managedThreadId) => _names.GetValueOrDefault(managedThreadId);

        public ClrThread? HolderOf(ulong address, ClrRuntime runtime)
        {
            if (_monitorHolders.TryGetValue(address, out ulong holder))
            {
                return runtime.Threads.FirstOrDefault(t => t.Address == holder);
            }

            // Lock records its owner's OS thread id.
            return _lockOwners.TryGetValue(address, out uint os) ? runtime.Threads.FirstOrDefault(t => t.OSThreadId == os) : null;
        }

        public List<string> HeldBy(ClrThread thread)
        {
            var held = new List<string>();
            if (_monitorsByHolder.TryGetValue(thread.Address, out var monitors))
            {
                held.AddRange(monitors.Select(m => $"{Named(m)} (Monitor)"));
            }

            held.AddRange(_lockOwners.Where(l => l.Value == thread.OSThreadId).Select(l => DescribeLock(l.Key)));
            return held;
        }

        public string Describe(ClrObject item) =>
            item.Type?.Name == "System.Threading.Lock" ? DescribeLock(item.Address) : $"{Named(item)} (Monitor)";

        private string DescribeLock(ulong address) =>
            _lockReferrers.TryGetValue(address, out string? referrer) ? $"{referrer} (Lock)" : $"Lock @{address:x}";

        /// <summary>"Fork #2": the type's simple name and, when it has one, its integer id.</summary>
        private static string Named(ClrObject item)
        {
            string name = item.Type?.Name ?? "object";
            string simple = name[(name.LastIndexOfAny(['.', '+']) + 1)..];
            foreach (string field in (string[])["<Id>k__BackingField", "_id", "Id", "id"])
            {
                if (item.Type?.GetFieldByName(field) is { ElementType: ClrElementType.Int32 })
                {
                    return $"{simple} #{item.ReadField<int>(field)}";
                }
            }

            return $"{simple} @{item.Address:x}";
        }

        private static string Pretty(string field) =>
            field.StartsWith('<') && field.IndexOf('>', StringComparison.Ordinal) is > 1 and var end ? field[1..end] : field.TrimStart('_');
    }
}
