namespace ScheduleExplorer.Workloads.Memory;

/// <summary>
/// Lost updates through every way C# reaches shared memory other than a plain field: array element
/// compound assignments (<c>ldelema</c>), struct fields inside arrays and statics, <c>ref</c> locals,
/// parameters and returns, <see cref="Span{T}"/> elements and <c>fixed</c> pointers. Each racy entry
/// has a <c>…Locked</c> twin that does the same access under a lock and never loses an update.
/// </summary>
public static class SharedAccess
{
    private static SharedCell s_cell;

    /// <summary>The bug: <c>cells[0]++</c> from two threads.</summary>
    /// <exception cref="InvalidOperationException">An increment was lost (some schedules only).</exception>
    public static void ArrayIncrement() => ArrayIncrement(locked: false);

    /// <summary>The fix: <c>cells[0]++</c> under a lock.</summary>
    public static void ArrayIncrementLocked() => ArrayIncrement(locked: true);

    /// <summary>The bug: <c>cells[i] += 1</c> from two threads.</summary>
    /// <exception cref="InvalidOperationException">An increment was lost (some schedules only).</exception>
    public static void ArrayCompound() => ArrayCompound(locked: false);

    /// <summary>The fix: <c>cells[i] += 1</c> under a lock.</summary>
    public static void ArrayCompoundLocked() => ArrayCompound(locked: true);

    /// <summary>The bug: <c>cells[0].Value++</c> on a struct inside an array.</summary>
    /// <exception cref="InvalidOperationException">An increment was lost (some schedules only).</exception>
    public static void StructInArray() => StructInArray(locked: false);

    /// <summary>The fix: <c>cells[0].Value++</c> under a lock.</summary>
    public static void StructInArrayLocked() => StructInArray(locked: true);

    /// <summary>The bug: <c>s_cell.Value++</c> on a static struct field.</summary>
    /// <exception cref="InvalidOperationException">An increment was lost (some schedules only).</exception>
    public static void StaticStruct() => StaticStruct(locked: false);

    /// <summary>The fix: <c>s_cell.Value++</c> under a lock.</summary>
    public static void StaticStructLocked() => StaticStruct(locked: true);

    /// <summary>The bug: <c>ref int slot = ref cells[0]; slot++;</c>.</summary>
    /// <exception cref="InvalidOperationException">An increment was lost (some schedules only).</exception>
    public static void RefLocal() => RefLocal(locked: false);

    /// <summary>The fix: the <c>ref</c> local increment under a lock.</summary>
    public static void RefLocalLocked() => RefLocal(locked: true);

    /// <summary>The bug: <c>Bump(ref box.Value)</c>, where <c>Bump(ref int x) => x++</c>.</summary>
    /// <exception cref="InvalidOperationException">An increment was lost (some schedules only).</exception>
    public static void RefParameter() => RefParameter(locked: false);

    /// <summary>The fix: the <c>ref</c> parameter increment under a lock.</summary>
    public static void RefParameterLocked() => RefParameter(locked: true);

    /// <summary>The bug: <c>box.Slot()++</c>, where <c>Slot</c> returns <c>ref Value</c>.</summary>
    /// <exception cref="InvalidOperationException">An increment was lost (some schedules only).</exception>
    public static void RefReturn() => RefReturn(locked: false);

    /// <summary>The fix: the <c>ref</c> return increment under a lock.</summary>
    public static void RefReturnLocked() => RefReturn(locked: true);

    /// <summary>The bug: <c>span[0]++</c> on a <see cref="Span{T}"/> over a shared array.</summary>
    /// <exception cref="InvalidOperationException">An increment was lost (some schedules only).</exception>
    public static void SpanElement() => SpanElement(locked: false);

    /// <summary>The fix: the span increment under a lock.</summary>
    public static void SpanElementLocked() => SpanElement(locked: true);

    /// <summary>The bug: <c>fixed (int* p = cells) (*p)++;</c>.</summary>
    /// <exception cref="InvalidOperationException">An increment was lost (some schedules only).</exception>
    public static void FixedPointer() => FixedPointer(locked: false);

    /// <summary>The fix: the pointer increment under a lock.</summary>
    public static void FixedPointerLocked() => FixedPointer(locked: true);

    private static void ArrayIncrement(bool locked)
    {
        int[] cells = new int[1];
        AccessRace.Run(() => cells[0]++, () => cells[0], locked);
    }

    private static void ArrayCompound(bool locked)
    {
        int[] cells = new int[3];
        int index = 2;
        AccessRace.Run(() => cells[index] += 1, () => cells[index], locked);
    }

    private static void StructInArray(bool locked)
    {
        var cells = new SharedCell[1];
        AccessRace.Run(() => cells[0].Value++, () => cells[0].Value, locked);
    }

    private static void StaticStruct(bool locked)
    {
        s_cell = default;
        AccessRace.Run(() => s_cell.Value++, () => s_cell.Value, locked);
    }

    private static void RefLocal(bool locked)
    {
        int[] cells = new int[1];
        AccessRace.Run(
            () =>
            {
                ref int slot = ref cells[0];
                slot++;
            },
            () => cells[0],
            locked);
    }

    private static void RefParameter(bool locked)
    {
        var box = new Box();
        AccessRace.Run(() => Bump(ref box.Value), () => box.Value, locked);
    }

    private static void RefReturn(bool locked)
    {
        var box = new Box();
        AccessRace.Run(() => box.Slot()++, () => box.Value, locked);
    }

    private static void SpanElement(bool locked)
    {
        int[] cells = new int[1];
        AccessRace.Run(
            () =>
            {
                Span<int> span = cells;
                span[0]++;
            },
            () => cells[0],
            locked);
    }

    private static unsafe void FixedPointer(bool locked)
    {
        int[] cells = new int[1];
        AccessRace.Run(
            () =>
            {
                fixed (int* p = cells)
                {
                    (*p)++;
                }
            },
            () => cells[0],
            locked);
    }

    private static void Bump(ref int value) => value++;

    private sealed class Box
    {
        public int Value;

        public ref int Slot() => ref Value;
    }
}
