using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="string"/> hash codes: under a controlled run they are the same in every
/// process (see <see cref="ControlledObject"/> for <c>string.GetHashCode()</c>).
/// </summary>
public static class ControlledString
{
    /// <inheritdoc cref="string.GetHashCode(StringComparison)"/>
    public static int GetHashCode(string text, StringComparison comparisonType)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ControlledScheduler.CurrentOperation is null ? text.GetHashCode(comparisonType) : StableStringHash.Of(text, comparisonType);
    }

    /// <inheritdoc cref="string.GetHashCode(ReadOnlySpan{char})"/>
    public static int GetHashCode(ReadOnlySpan<char> value) =>
        ControlledScheduler.CurrentOperation is null ? string.GetHashCode(value) : StableStringHash.Ordinal(value);

    /// <inheritdoc cref="string.GetHashCode(ReadOnlySpan{char}, StringComparison)"/>
    public static int GetHashCode(ReadOnlySpan<char> value, StringComparison comparisonType) =>
        ControlledScheduler.CurrentOperation is null ? string.GetHashCode(value, comparisonType) : StableStringHash.Of(value, comparisonType);
}
