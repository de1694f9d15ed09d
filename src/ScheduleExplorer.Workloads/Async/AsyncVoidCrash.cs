namespace ScheduleExplorer.Workloads.Async;

/// <summary>
/// An <c>async void</c> event handler whose exception nobody can catch (in .NET it ends the
/// process): <see cref="Throws"/>. <see cref="Catches"/> handles it inside the handler.
/// </summary>
public static class AsyncVoidCrash
{
    /// <summary>The bug: the handler throws after its first await.</summary>
    public static async Task Throws()
    {
        OnClick(handle: false);
        await Task.Delay(10);
    }

    /// <summary>Fixed: the handler catches and records the failure.</summary>
    public static async Task Catches()
    {
        OnClick(handle: true);
        await Task.Delay(10);
    }

    private static async void OnClick(bool handle)
    {
        try
        {
            await Task.Yield();
            throw new InvalidOperationException("The click handler failed after its first await.");
        }
        catch (InvalidOperationException) when (handle)
        {
            // Logged and shown to the user in a real handler.
        }
    }
}
