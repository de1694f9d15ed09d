namespace ScheduleExplorer.Stress.Measure;

/// <summary>Everything one sweep measured, with what it was measured on.</summary>
/// <param name="ProcessorCount">Logical processors of the machine.</param>
/// <param name="Increments">Increments per thread in the counter runs.</param>
/// <param name="Meals">Meals per philosopher in the philosopher runs.</param>
/// <param name="Repetitions">Measured repetitions per cell (after one warm-up).</param>
/// <param name="Cells">The cells, family by family, case by case, thread count by thread count.</param>
public sealed record SweepResult(int ProcessorCount, int Increments, int Meals, int Repetitions, IReadOnlyList<SweepCell> Cells)
{
    /// <summary>ns per increment of the uncontended Interlocked reference, the hardware limit the counter rows are divided by.</summary>
    public double ReferenceNanoseconds =>
        Cells.FirstOrDefault(c => c.Method == SweepPlan.ReferenceMethod && c.Problem is null)?.NanosecondsPerOperation ?? double.NaN;
}
