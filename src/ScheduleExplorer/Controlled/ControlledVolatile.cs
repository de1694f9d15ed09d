using System.Runtime.CompilerServices;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="Volatile"/>: every access is a scheduling point of kind
/// <see cref="SchedulingPointKind.Interlocked"/> (a full fence while stores are buffered), then the real
/// volatile access. While stores are buffered, a read or write of a field whose object the rewriter
/// saw is a read or write point instead, buffered like a <c>volatile</c> field: a release store, an
/// acquire load, not a fence.
/// </summary>
public static class ControlledVolatile
{
    /// <inheritdoc cref="Volatile.Read(ref readonly bool)"/>
    public static bool Read(ref readonly bool location)
    {
        Point(isWrite: false);
        return ControlledMemory.Loaded(Volatile.Read(in location));
    }

    /// <inheritdoc cref="Volatile.Write(ref bool, bool)"/>
    public static void Write(ref bool location, bool value)
    {
        Point();
        ControlledMemory.StoredByCall(location);
        Volatile.Write(ref location, value);
    }

    /// <inheritdoc cref="Volatile.Read(ref readonly byte)"/>
    public static byte Read(ref readonly byte location)
    {
        Point(isWrite: false);
        return ControlledMemory.Loaded(Volatile.Read(in location));
    }

    /// <inheritdoc cref="Volatile.Write(ref byte, byte)"/>
    public static void Write(ref byte location, byte value)
    {
        Point();
        ControlledMemory.StoredByCall(location);
        Volatile.Write(ref location, value);
    }

    /// <inheritdoc cref="Volatile.Read(ref readonly double)"/>
    public static double Read(ref readonly double location)
    {
        Point(isWrite: false);
        return ControlledMemory.Loaded(Volatile.Read(in location));
    }

    /// <inheritdoc cref="Volatile.Write(ref double, double)"/>
    public static void Write(ref double location, double value)
    {
        Point();
        ControlledMemory.StoredByCall(location);
        Volatile.Write(ref location, value);
    }

    /// <inheritdoc cref="Volatile.Read(ref readonly short)"/>
    public static short Read(ref readonly short location)
    {
        Point(isWrite: false);
        return ControlledMemory.Loaded(Volatile.Read(in location));
    }

    /// <inheritdoc cref="Volatile.Write(ref short, short)"/>
    public static void Write(ref short location, short value)
    {
        Point();
        ControlledMemory.StoredByCall(location);
        Volatile.Write(ref location, value);
    }

    /// <inheritdoc cref="Volatile.Read(ref readonly int)"/>
    public static int Read(ref readonly int location)
    {
        Point(isWrite: false);
        return ControlledMemory.Loaded(Volatile.Read(in location));
    }

    /// <inheritdoc cref="Volatile.Write(ref int, int)"/>
    public static void Write(ref int location, int value)
    {
        Point();
        ControlledMemory.StoredByCall(location);
        Volatile.Write(ref location, value);
    }

    /// <inheritdoc cref="Volatile.Read(ref readonly long)"/>
    public static long Read(ref readonly long location)
    {
        Point(isWrite: false);
        return ControlledMemory.Loaded(Volatile.Read(in location));
    }

    /// <inheritdoc cref="Volatile.Write(ref long, long)"/>
    public static void Write(ref long location, long value)
    {
        Point();
        ControlledMemory.StoredByCall(location);
        Volatile.Write(ref location, value);
    }

    /// <inheritdoc cref="Volatile.Read(ref readonly nint)"/>
    public static nint Read(ref readonly nint location)
    {
        Point(isWrite: false);
        return ControlledMemory.Loaded(Volatile.Read(in location));
    }

    /// <inheritdoc cref="Volatile.Write(ref nint, nint)"/>
    public static void Write(ref nint location, nint value)
    {
        Point();
        ControlledMemory.StoredByCall(location);
        Volatile.Write(ref location, value);
    }

    /// <inheritdoc cref="Volatile.Read(ref readonly sbyte)"/>
    public static sbyte Read(ref readonly sbyte location)
    {
        Point(isWrite: false);
        return ControlledMemory.Loaded(Volatile.Read(in location));
    }

    /// <inheritdoc cref="Volatile.Write(ref sbyte, sbyte)"/>
    public static void Write(ref sbyte location, sbyte value)
    {
        Point();
        ControlledMemory.StoredByCall(location);
        Volatile.Write(ref location, value);
    }

    /// <inheritdoc cref="Volatile.Read(ref readonly float)"/>
    public static float Read(ref readonly float location)
    {
        Point(isWrite: false);
        return ControlledMemory.Loaded(Volatile.Read(in location));
    }

    /// <inheritdoc cref="Volatile.Write(ref float, float)"/>
    public static void Write(ref float location, float value)
    {
        Point();
        ControlledMemory.StoredByCall(location);
        Volatile.Write(ref location, value);
    }

    /// <inheritdoc cref="Volatile.Read(ref readonly ushort)"/>
    public static ushort Read(ref readonly ushort location)
    {
        Point(isWrite: false);
        return ControlledMemory.Loaded(Volatile.Read(in location));
    }

    /// <inheritdoc cref="Volatile.Write(ref ushort, ushort)"/>
    public static void Write(ref ushort location, ushort value)
    {
        Point();
        ControlledMemory.StoredByCall(location);
        Volatile.Write(ref location, value);
    }

    /// <inheritdoc cref="Volatile.Read(ref readonly uint)"/>
    public static uint Read(ref readonly uint location)
    {
        Point(isWrite: false);
        return ControlledMemory.Loaded(Volatile.Read(in location));
    }

    /// <inheritdoc cref="Volatile.Write(ref uint, uint)"/>
    public static void Write(ref uint location, uint value)
    {
        Point();
        ControlledMemory.StoredByCall(location);
        Volatile.Write(ref location, value);
    }

    /// <inheritdoc cref="Volatile.Read(ref readonly ulong)"/>
    public static ulong Read(ref readonly ulong location)
    {
        Point(isWrite: false);
        return ControlledMemory.Loaded(Volatile.Read(in location));
    }

    /// <inheritdoc cref="Volatile.Write(ref ulong, ulong)"/>
    public static void Write(ref ulong location, ulong value)
    {
        Point();
        ControlledMemory.StoredByCall(location);
        Volatile.Write(ref location, value);
    }

    /// <inheritdoc cref="Volatile.Read(ref readonly nuint)"/>
    public static nuint Read(ref readonly nuint location)
    {
        Point(isWrite: false);
        return ControlledMemory.Loaded(Volatile.Read(in location));
    }

    /// <inheritdoc cref="Volatile.Write(ref nuint, nuint)"/>
    public static void Write(ref nuint location, nuint value)
    {
        Point();
        ControlledMemory.StoredByCall(location);
        Volatile.Write(ref location, value);
    }

    /// <inheritdoc cref="Volatile.Read{T}(ref readonly T)"/>
    public static T Read<T>(ref readonly T location)
        where T : class?
    {
        Point(isWrite: false);
        return ControlledMemory.Loaded(Volatile.Read(in location));
    }

    /// <inheritdoc cref="Volatile.Write{T}(ref T, T)"/>
    public static void Write<T>([System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))] ref T location, T value)
        where T : class?
    {
        Point();
        ControlledMemory.StoredByCall(location);
        Volatile.Write(ref location, value);
    }

    /// <inheritdoc cref="Volatile.ReadBarrier"/>
    public static void ReadBarrier()
    {
        Point();
        Volatile.ReadBarrier();
    }

    /// <inheritdoc cref="Volatile.WriteBarrier"/>
    public static void WriteBarrier()
    {
        Point();
        Volatile.WriteBarrier();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Point(bool isWrite = true)
    {
        // Always taken, so a location set for a call made outside control never reaches a later call.
        string? target = ControlledSite.TakeTarget();
        object? instance = ControlledSite.TakeTargetObject(target);
        if (ControlledScheduler.CurrentOperation is { } op)
        {
            if (instance is not null && op.Scheduler.Buffers.Enabled)
            {
                // A field whose object the rewriter saw: buffered as a volatile field is (release/acquire, not a fence).
                ControlledMemory.VolatileCall(op, isWrite, instance, target!, ControlledSite.Current);
                return;
            }

            op.Scheduler.SchedulePoint(op, SchedulingPointKind.Interlocked, ControlledSite.Current, target);

            // Without the location the rewriter saw (an address from elsewhere), the access conflicts with everything.
            op.Scheduler.RecordEffect(target ?? StepEffect.Everything, isWrite: isWrite || target is null);
        }
    }
}
