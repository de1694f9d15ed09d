namespace ScheduleExplorer.Tests.Verdicts;

/// <summary>Code that is never rewritten (the test assembly), blocking on a real event nobody sets.</summary>
internal static class UncontrolledHelper
{
    public static void WaitForever()
    {
        using var never = new ManualResetEvent(initialState: false);
        never.WaitOne();
    }
}
