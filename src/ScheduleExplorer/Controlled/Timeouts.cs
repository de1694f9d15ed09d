namespace ScheduleExplorer.Controlled;

/// <summary>Timeout conversions shared by the shims, with the BCL's argument checks.</summary>
internal static class Timeouts
{
    public static int ToMilliseconds(TimeSpan timeout)
    {
        long milliseconds = (long)timeout.TotalMilliseconds;
        if (milliseconds < -1 || milliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be -1 ms (infinite) or a non-negative value up to Int32.MaxValue ms.");
        }

        return (int)milliseconds;
    }
}
