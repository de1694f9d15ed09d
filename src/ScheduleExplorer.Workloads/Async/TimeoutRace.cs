namespace ScheduleExplorer.Workloads.Async;

/// <summary>
/// A timeout race: ask a backend, and after 100 ms serve a stale value. The backend's work takes
/// an unknown time, so the timeout may fire first. <see cref="LateResultLost"/> then drops the
/// result when it arrives late; <see cref="LateResultKept"/> still stores it.
/// </summary>
public sealed class TimeoutRace
{
    private const int Fresh = 42;
    private const int Stale = -1;
    private int _value;

    /// <summary>The bug: after a timeout the late result is never stored.</summary>
    /// <exception cref="InvalidOperationException">The stale value stayed although the backend answered.</exception>
    public static Task LateResultLost() => new TimeoutRace().RefreshAsync(keepLate: false);

    /// <summary>Fixed: a late result still replaces the stale value.</summary>
    /// <exception cref="InvalidOperationException">The stale value stayed although the backend answered.</exception>
    public static Task LateResultKept() => new TimeoutRace().RefreshAsync(keepLate: true);

    private async Task RefreshAsync(bool keepLate)
    {
        var answer = new TaskCompletionSource<int>();
        var backend = Task.Run(async () =>
        {
            await Task.Yield(); // the backend's work
            answer.SetResult(Fresh);
        });

        var late = Task.CompletedTask;
        var winner = await Task.WhenAny(answer.Task, Task.Delay(100));
        if (winner == answer.Task)
        {
            _value = answer.Task.Result;
        }
        else
        {
            _value = Stale;
            if (keepLate)
            {
                late = StoreWhenItArrivesAsync(answer.Task);
            }
        }

        await backend;
        await late;
        if (_value != Fresh)
        {
            throw new InvalidOperationException($"The backend answered {Fresh}, but the cache holds {_value}: the late result was dropped.");
        }
    }

    private async Task StoreWhenItArrivesAsync(Task<int> answer) => _value = await answer;
}
