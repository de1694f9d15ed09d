using System.Globalization;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// String hash codes that are the same in every process (FNV-1a over the UTF-16 code units, or over
/// the culture's sort key), standing in for .NET's per-process randomized ones under a controlled run.
/// </summary>
internal static class StableStringHash
{
    private const uint Offset = 2166136261;
    private const uint Prime = 16777619;

    /// <summary>The ordinal hash of <paramref name="text"/>.</summary>
    public static int Ordinal(ReadOnlySpan<char> text)
    {
        uint hash = Offset;
        foreach (char c in text)
        {
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
        }

        return unchecked((int)hash);
    }

    /// <summary>The hash of <paramref name="text"/> under <paramref name="comparison"/>: equal strings under it hash equally.</summary>
    public static int Of(ReadOnlySpan<char> text, StringComparison comparison) => comparison switch
    {
        StringComparison.Ordinal => Ordinal(text),
        StringComparison.OrdinalIgnoreCase => OrdinalIgnoreCase(text),
        StringComparison.CurrentCulture => Culture(CultureInfo.CurrentCulture, text, CompareOptions.None),
        StringComparison.CurrentCultureIgnoreCase => Culture(CultureInfo.CurrentCulture, text, CompareOptions.IgnoreCase),
        StringComparison.InvariantCulture => Culture(CultureInfo.InvariantCulture, text, CompareOptions.None),
        StringComparison.InvariantCultureIgnoreCase => Culture(CultureInfo.InvariantCulture, text, CompareOptions.IgnoreCase),
        _ => throw new ArgumentException("The string comparison type passed in is currently not supported.", nameof(comparison)),
    };

    private static int OrdinalIgnoreCase(ReadOnlySpan<char> text)
    {
        Span<char> upper = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        text.ToUpperInvariant(upper);
        return Ordinal(upper);
    }

    private static int Culture(CultureInfo culture, ReadOnlySpan<char> text, CompareOptions options)
    {
        byte[] key = culture.CompareInfo.GetSortKey(text.ToString(), options).KeyData;
        uint hash = Offset;
        foreach (byte b in key)
        {
            hash = (hash ^ b) * Prime;
        }

        return unchecked((int)hash);
    }
}
