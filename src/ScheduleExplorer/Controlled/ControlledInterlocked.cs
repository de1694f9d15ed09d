using System.Runtime.CompilerServices;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="Interlocked"/>: every overload is a scheduling point of kind
/// <see cref="SchedulingPointKind.Interlocked"/> followed by the real atomic operation, so
/// interleavings around atomics are explored while their atomicity is kept.
/// </summary>
public static class ControlledInterlocked
{
    /// <inheritdoc cref="Interlocked.Increment(ref int)"/>
    public static int Increment(ref int location)
    {
        Point();
        return Interlocked.Increment(ref location);
    }

    /// <inheritdoc cref="Interlocked.Decrement(ref int)"/>
    public static int Decrement(ref int location)
    {
        Point();
        return Interlocked.Decrement(ref location);
    }

    /// <inheritdoc cref="Interlocked.Add(ref int, int)"/>
    public static int Add(ref int location1, int value)
    {
        Point();
        return Interlocked.Add(ref location1, value);
    }

    /// <inheritdoc cref="Interlocked.And(ref int, int)"/>
    public static int And(ref int location1, int value)
    {
        Point();
        return Interlocked.And(ref location1, value);
    }

    /// <inheritdoc cref="Interlocked.Or(ref int, int)"/>
    public static int Or(ref int location1, int value)
    {
        Point();
        return Interlocked.Or(ref location1, value);
    }

    /// <inheritdoc cref="Interlocked.Increment(ref long)"/>
    public static long Increment(ref long location)
    {
        Point();
        return Interlocked.Increment(ref location);
    }

    /// <inheritdoc cref="Interlocked.Decrement(ref long)"/>
    public static long Decrement(ref long location)
    {
        Point();
        return Interlocked.Decrement(ref location);
    }

    /// <inheritdoc cref="Interlocked.Add(ref long, long)"/>
    public static long Add(ref long location1, long value)
    {
        Point();
        return Interlocked.Add(ref location1, value);
    }

    /// <inheritdoc cref="Interlocked.And(ref long, long)"/>
    public static long And(ref long location1, long value)
    {
        Point();
        return Interlocked.And(ref location1, value);
    }

    /// <inheritdoc cref="Interlocked.Or(ref long, long)"/>
    public static long Or(ref long location1, long value)
    {
        Point();
        return Interlocked.Or(ref location1, value);
    }

    /// <inheritdoc cref="Interlocked.Increment(ref uint)"/>
    public static uint Increment(ref uint location)
    {
        Point();
        return Interlocked.Increment(ref location);
    }

    /// <inheritdoc cref="Interlocked.Decrement(ref uint)"/>
    public static uint Decrement(ref uint location)
    {
        Point();
        return Interlocked.Decrement(ref location);
    }

    /// <inheritdoc cref="Interlocked.Add(ref uint, uint)"/>
    public static uint Add(ref uint location1, uint value)
    {
        Point();
        return Interlocked.Add(ref location1, value);
    }

    /// <inheritdoc cref="Interlocked.And(ref uint, uint)"/>
    public static uint And(ref uint location1, uint value)
    {
        Point();
        return Interlocked.And(ref location1, value);
    }

    /// <inheritdoc cref="Interlocked.Or(ref uint, uint)"/>
    public static uint Or(ref uint location1, uint value)
    {
        Point();
        return Interlocked.Or(ref location1, value);
    }

    /// <inheritdoc cref="Interlocked.Increment(ref ulong)"/>
    public static ulong Increment(ref ulong location)
    {
        Point();
        return Interlocked.Increment(ref location);
    }

    /// <inheritdoc cref="Interlocked.Decrement(ref ulong)"/>
    public static ulong Decrement(ref ulong location)
    {
        Point();
        return Interlocked.Decrement(ref location);
    }

    /// <inheritdoc cref="Interlocked.Add(ref ulong, ulong)"/>
    public static ulong Add(ref ulong location1, ulong value)
    {
        Point();
        return Interlocked.Add(ref location1, value);
    }

    /// <inheritdoc cref="Interlocked.And(ref ulong, ulong)"/>
    public static ulong And(ref ulong location1, ulong value)
    {
        Point();
        return Interlocked.And(ref location1, value);
    }

    /// <inheritdoc cref="Interlocked.Or(ref ulong, ulong)"/>
    public static ulong Or(ref ulong location1, ulong value)
    {
        Point();
        return Interlocked.Or(ref location1, value);
    }

    /// <inheritdoc cref="Interlocked.Exchange(ref int, int)"/>
    public static int Exchange(ref int location1, int value)
    {
        Point();
        return Interlocked.Exchange(ref location1, value);
    }

    /// <inheritdoc cref="Interlocked.CompareExchange(ref int, int, int)"/>
    public static int CompareExchange(ref int location1, int value, int comparand)
    {
        Point();
        return Interlocked.CompareExchange(ref location1, value, comparand);
    }

    /// <inheritdoc cref="Interlocked.Exchange(ref long, long)"/>
    public static long Exchange(ref long location1, long value)
    {
        Point();
        return Interlocked.Exchange(ref location1, value);
    }

    /// <inheritdoc cref="Interlocked.CompareExchange(ref long, long, long)"/>
    public static long CompareExchange(ref long location1, long value, long comparand)
    {
        Point();
        return Interlocked.CompareExchange(ref location1, value, comparand);
    }

    /// <inheritdoc cref="Interlocked.Exchange(ref float, float)"/>
    public static float Exchange(ref float location1, float value)
    {
        Point();
        return Interlocked.Exchange(ref location1, value);
    }

    /// <inheritdoc cref="Interlocked.CompareExchange(ref float, float, float)"/>
    public static float CompareExchange(ref float location1, float value, float comparand)
    {
        Point();
        return Interlocked.CompareExchange(ref location1, value, comparand);
    }

    /// <inheritdoc cref="Interlocked.Exchange(ref double, double)"/>
    public static double Exchange(ref double location1, double value)
    {
        Point();
        return Interlocked.Exchange(ref location1, value);
    }

    /// <inheritdoc cref="Interlocked.CompareExchange(ref double, double, double)"/>
    public static double CompareExchange(ref double location1, double value, double comparand)
    {
        Point();
        return Interlocked.CompareExchange(ref location1, value, comparand);
    }

    /// <inheritdoc cref="Interlocked.Exchange(ref object, object)"/>
    public static object? Exchange(ref object? location1, object? value)
    {
        Point();
        return Interlocked.Exchange(ref location1, value);
    }

    /// <inheritdoc cref="Interlocked.CompareExchange(ref object, object, object)"/>
    public static object? CompareExchange(ref object? location1, object? value, object? comparand)
    {
        Point();
        return Interlocked.CompareExchange(ref location1, value, comparand);
    }

    /// <inheritdoc cref="Interlocked.Exchange(ref nint, nint)"/>
    public static nint Exchange(ref nint location1, nint value)
    {
        Point();
        return Interlocked.Exchange(ref location1, value);
    }

    /// <inheritdoc cref="Interlocked.CompareExchange(ref nint, nint, nint)"/>
    public static nint CompareExchange(ref nint location1, nint value, nint comparand)
    {
        Point();
        return Interlocked.CompareExchange(ref location1, value, comparand);
    }

    /// <inheritdoc cref="Interlocked.Exchange(ref nuint, nuint)"/>
    public static nuint Exchange(ref nuint location1, nuint value)
    {
        Point();
        return Interlocked.Exchange(ref location1, value);
    }

    /// <inheritdoc cref="Interlocked.CompareExchange(ref nuint, nuint, nuint)"/>
    public static nuint CompareExchange(ref nuint location1, nuint value, nuint comparand)
    {
        Point();
        return Interlocked.CompareExchange(ref location1, value, comparand);
    }

    /// <inheritdoc cref="Interlocked.Exchange(ref uint, uint)"/>
    public static uint Exchange(ref uint location1, uint value)
    {
        Point();
        return Interlocked.Exchange(ref location1, value);
    }

    /// <inheritdoc cref="Interlocked.CompareExchange(ref uint, uint, uint)"/>
    public static uint CompareExchange(ref uint location1, uint value, uint comparand)
    {
        Point();
        return Interlocked.CompareExchange(ref location1, value, comparand);
    }

    /// <inheritdoc cref="Interlocked.Exchange(ref ulong, ulong)"/>
    public static ulong Exchange(ref ulong location1, ulong value)
    {
        Point();
        return Interlocked.Exchange(ref location1, value);
    }

    /// <inheritdoc cref="Interlocked.CompareExchange(ref ulong, ulong, ulong)"/>
    public static ulong CompareExchange(ref ulong location1, ulong value, ulong comparand)
    {
        Point();
        return Interlocked.CompareExchange(ref location1, value, comparand);
    }

    /// <inheritdoc cref="Interlocked.Exchange(ref byte, byte)"/>
    public static byte Exchange(ref byte location1, byte value)
    {
        Point();
        return Interlocked.Exchange(ref location1, value);
    }

    /// <inheritdoc cref="Interlocked.CompareExchange(ref byte, byte, byte)"/>
    public static byte CompareExchange(ref byte location1, byte value, byte comparand)
    {
        Point();
        return Interlocked.CompareExchange(ref location1, value, comparand);
    }

    /// <inheritdoc cref="Interlocked.Exchange(ref sbyte, sbyte)"/>
    public static sbyte Exchange(ref sbyte location1, sbyte value)
    {
        Point();
        return Interlocked.Exchange(ref location1, value);
    }

    /// <inheritdoc cref="Interlocked.CompareExchange(ref sbyte, sbyte, sbyte)"/>
    public static sbyte CompareExchange(ref sbyte location1, sbyte value, sbyte comparand)
    {
        Point();
        return Interlocked.CompareExchange(ref location1, value, comparand);
    }

    /// <inheritdoc cref="Interlocked.Exchange(ref short, short)"/>
    public static short Exchange(ref short location1, short value)
    {
        Point();
        return Interlocked.Exchange(ref location1, value);
    }

    /// <inheritdoc cref="Interlocked.CompareExchange(ref short, short, short)"/>
    public static short CompareExchange(ref short location1, short value, short comparand)
    {
        Point();
        return Interlocked.CompareExchange(ref location1, value, comparand);
    }

    /// <inheritdoc cref="Interlocked.Exchange(ref ushort, ushort)"/>
    public static ushort Exchange(ref ushort location1, ushort value)
    {
        Point();
        return Interlocked.Exchange(ref location1, value);
    }

    /// <inheritdoc cref="Interlocked.CompareExchange(ref ushort, ushort, ushort)"/>
    public static ushort CompareExchange(ref ushort location1, ushort value, ushort comparand)
    {
        Point();
        return Interlocked.CompareExchange(ref location1, value, comparand);
    }

    /// <inheritdoc cref="Interlocked.Read(ref readonly long)"/>
    public static long Read(ref readonly long location)
    {
        Point(isWrite: false);
        return Interlocked.Read(in location);
    }

    /// <inheritdoc cref="Interlocked.Read(ref readonly ulong)"/>
    public static ulong Read(ref readonly ulong location)
    {
        Point(isWrite: false);
        return Interlocked.Read(in location);
    }

    /// <inheritdoc cref="Interlocked.Exchange{T}(ref T, T)"/>
    public static T Exchange<T>(ref T location1, T value)
    {
        Point();
        return Interlocked.Exchange(ref location1, value);
    }

    /// <inheritdoc cref="Interlocked.CompareExchange{T}(ref T, T, T)"/>
    public static T CompareExchange<T>(ref T location1, T value, T comparand)
    {
        Point();
        return Interlocked.CompareExchange(ref location1, value, comparand);
    }

    /// <inheritdoc cref="Interlocked.MemoryBarrier"/>
    public static void MemoryBarrier()
    {
        Point();
        Interlocked.MemoryBarrier();
    }

    /// <inheritdoc cref="Interlocked.MemoryBarrierProcessWide"/>
    public static void MemoryBarrierProcessWide()
    {
        Point();
        Interlocked.MemoryBarrierProcessWide();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Point(bool isWrite = true)
    {
        // Always taken, so a location set for a call made outside control never reaches a later call.
        string? target = ControlledSite.TakeTarget();
        if (ControlledScheduler.CurrentOperation is { } op)
        {
            op.Scheduler.SchedulePoint(op, SchedulingPointKind.Interlocked, ControlledSite.Current, target);

            // Without the location the rewriter saw (an address from elsewhere), the access conflicts with everything.
            op.Scheduler.RecordEffect(target ?? StepEffect.Everything, isWrite: isWrite || target is null);
        }
    }
}
