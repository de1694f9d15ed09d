namespace ScheduleExplorer.Runtime;

/// <summary>
/// What a step did to shared state: operation <paramref name="Operation"/> read or wrote the memory
/// location <paramref name="Key"/> names (a string: "Namespace.Type.field", "T[]"), or observed or
/// changed the synchronization resource <paramref name="Key"/> is (a lock, a semaphore, a task's
/// completion; compared by identity), or did something that depends on every step
/// (<see cref="StepEffect.Everything"/>: time passing, a data choice, an atomic of unknown address).
/// </summary>
/// <param name="Step">The scheduling step it happened in.</param>
/// <param name="Operation">The operation whose step it was, or −1 outside any.</param>
/// <param name="Key">The location's name or the resource.</param>
/// <param name="IsWrite">Whether it wrote the location or changed the resource.</param>
internal readonly record struct EffectEvent(int Step, int Operation, object Key, bool IsWrite)
{
    /// <summary>Whether it is an access of a memory location (else of a synchronization resource, or of everything).</summary>
    public bool IsMemoryAccess => Key is string;

    /// <summary>The effect as partial-order reduction sees it.</summary>
    public StepEffect Effect => new(Key, IsWrite);
}
