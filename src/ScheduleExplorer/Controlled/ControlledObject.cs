using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="object.GetHashCode"/> calls (the compiler emits <c>string.GetHashCode()</c> as a
/// virtual call of <see cref="object.GetHashCode"/>): under a controlled run a string's hash code is
/// the same in every process, so code that buckets, orders or stripes by it behaves the same in
/// every iteration and replay. Every other receiver runs its own <see cref="object.GetHashCode"/>.
/// </summary>
public static class ControlledObject
{
    /// <inheritdoc cref="object.GetHashCode"/>
    public static int GetHashCode(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value is string text && ControlledScheduler.CurrentOperation is not null
            ? StableStringHash.Ordinal(text)
            : value.GetHashCode();
    }
}
