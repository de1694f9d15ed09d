namespace ScheduleExplorer.Workloads.Async;

/// <summary>
/// Check-then-act across an await: "if the name is free, create the account" with a (simulated)
/// database round trip between the check and the write. Two concurrent creations of one name:
/// exactly one may succeed. <see cref="CreateTwiceGuarded"/> holds an async lock over the check
/// and the write.
/// </summary>
public sealed class AccountStore
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _owner;
    private int _created;

    /// <summary>The bug: both creations may see the name free.</summary>
    /// <exception cref="InvalidOperationException">Both creations succeeded.</exception>
    public static Task CreateTwice() => new AccountStore().RaceAsync(guarded: false);

    /// <summary>Fixed with an async lock over the check and the write.</summary>
    public static Task CreateTwiceGuarded() => new AccountStore().RaceAsync(guarded: true);

    /// <summary>Creates <paramref name="name"/> if it is free; true if this call created it.</summary>
    /// <param name="name">The account name.</param>
    /// <param name="owner">Who asks.</param>
    public async Task<bool> CreateAsync(string name, string owner)
    {
        if (await IsTakenAsync(name))
        {
            return false;
        }

        await SaveAsync(name, owner);
        return true;
    }

    /// <summary>The same, holding the store's async lock over the check and the write.</summary>
    /// <param name="name">The account name.</param>
    /// <param name="owner">Who asks.</param>
    public async Task<bool> CreateGuardedAsync(string name, string owner)
    {
        await _gate.WaitAsync();
        try
        {
            return await CreateAsync(name, owner);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<bool> IsTakenAsync(string name)
    {
        await Task.Yield(); // the query's round trip
        return _owner is not null && name.Length > 0;
    }

    private async Task SaveAsync(string name, string owner)
    {
        await Task.Yield(); // the insert's round trip
        _owner = owner + ":" + name;
        _created++;
    }

    private async Task RaceAsync(bool guarded)
    {
        var alice = Task.Run(() => guarded ? CreateGuardedAsync("sam", "alice") : CreateAsync("sam", "alice"));
        var bob = Task.Run(() => guarded ? CreateGuardedAsync("sam", "bob") : CreateAsync("sam", "bob"));
        bool[] results = await Task.WhenAll(alice, bob);
        int succeeded = results.Count(created => created);
        if (succeeded != 1 || _created != 1)
        {
            throw new InvalidOperationException($"Account 'sam' created {_created} times ({succeeded} creations succeeded); exactly one may.");
        }
    }
}
