namespace ScheduleExplorer.Workloads.Misbehaving;

/// <summary>A thread body that flips a coin with <see cref="Random"/> and increments the tally on 1.</summary>
internal sealed class RandomIncrementer
{
    private readonly Tally _tally;
    private int _choice;

    /// <summary>Creates the body over the shared tally.</summary>
    public RandomIncrementer(Tally tally)
    {
        _tally = tally;
    }

    /// <summary>The coin this thread drew (0 or 1); read after the join.</summary>
    public int Choice => _choice;

    /// <summary>Thread entry point.</summary>
    public void Run()
    {
        // A data choice, not a scheduling choice: the harness should record it in the trace to replay it.
        _choice = new Random().Next(2);
        if (_choice == 1)
        {
            _tally.Increment();
        }
    }
}
