using System.Runtime.InteropServices;

namespace ScheduleExplorer.Runtime;

/// <summary>
/// Pins the calling thread to one CPU. Only one controlled operation runs at a time, so pinning every
/// worker to the same CPU costs no parallelism, and a handoff then avoids a cross-CPU wake-up
/// (measured here: ~2 µs pinned against 20–45 µs across vCPUs).
/// </summary>
internal static partial class CpuAffinity
{
    /// <summary>Pins the current thread to <paramref name="cpu"/>; returns false where unsupported.</summary>
    public static bool TryPinCurrentThread(int cpu)
    {
        if (!OperatingSystem.IsLinux() || cpu < 0 || cpu >= 64)
        {
            return false;
        }

        try
        {
            ulong mask = 1UL << cpu;
            return SchedSetAffinity(0, (nint)sizeof(ulong), ref mask) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "sched_setaffinity")]
    private static partial int SchedSetAffinity(int pid, nint cpuSetSize, ref ulong mask);
}
