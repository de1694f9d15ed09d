namespace ScheduleExplorer.Workloads.Primitives;

/// <summary>
/// Get-or-add on a dictionary guarded by a <see cref="ReaderWriterLockSlim"/>, two writers and a
/// reader. Checking under the read lock and adding under a separate write lock lets both writers
/// add; the upgradeable lock makes the check and the add one critical section.
/// </summary>
public sealed class RegistryCache
{
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<string, int> _entries = [];
    private int _creations;

    /// <summary>The bug: check under the read lock, add under the write lock (check-then-act).</summary>
    /// <exception cref="InvalidOperationException">The entry was created twice (some schedules only).</exception>
    public static void CheckThenAdd()
    {
        var cache = new RegistryCache();
        cache.Race(cache.GetOrAddRacy);
    }

    /// <summary>The fix: the check and the add under one upgradeable lock.</summary>
    public static void Upgradeable()
    {
        var cache = new RegistryCache();
        cache.Race(cache.GetOrAddUpgradeable);
    }

    private int GetOrAddRacy(string key)
    {
        _lock.EnterReadLock();
        bool found = _entries.TryGetValue(key, out int value);
        _lock.ExitReadLock();
        if (found)
        {
            return value;
        }

        _lock.EnterWriteLock();
        try
        {
            _creations++;
            _entries[key] = _creations;
            return _creations;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    private int GetOrAddUpgradeable(string key)
    {
        _lock.EnterUpgradeableReadLock();
        try
        {
            if (_entries.TryGetValue(key, out int value))
            {
                return value;
            }

            _lock.EnterWriteLock();
            try
            {
                _creations++;
                _entries[key] = _creations;
                return _creations;
            }
            finally
            {
                _lock.ExitWriteLock();
            }
        }
        finally
        {
            _lock.ExitUpgradeableReadLock();
        }
    }

    private int Count()
    {
        _lock.EnterReadLock();
        try
        {
            return _entries.Count;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private void Race(Func<string, int> getOrAdd)
    {
        var got = new int[2];
        WorkerThreads.JoinAll(WorkerThreads.Start("caller", [() => got[0] = getOrAdd("a"), () => got[1] = getOrAdd("a"), () => Count()]));
        if (_creations != 1 || got[0] != got[1])
        {
            throw new InvalidOperationException($"Entry 'a' created {_creations} times ({got[0]}, {got[1]}); it must be created once.");
        }
    }
}
