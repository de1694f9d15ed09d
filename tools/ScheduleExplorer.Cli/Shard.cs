using System.CommandLine;
using System.Globalization;

namespace ScheduleExplorer.Cli;

/// <summary>
/// <c>--shard k/n</c>: this machine runs the k-th of n slices of a long run (1-based), so a nightly
/// exploration can be spread over CI machines and the slices together cover the whole run.
/// </summary>
internal readonly record struct Shard(int Index, int Count)
{
    /// <summary>The whole run.</summary>
    public static readonly Shard All = new(1, 1);

    /// <summary>The <c>--shard</c> option; a malformed value is a parse error naming the option.</summary>
    public static Option<Shard> Option(string name = "--shard") => new(name)
    {
        Description = "Run only slice k of n (1-based) of the iterations, e.g. 2/4, to spread a long run over machines.",
        HelpName = "k/n",
        DefaultValueFactory = _ => All,
        CustomParser = result =>
        {
            string token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
            string[] parts = token.Split('/');
            if (parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
                && count >= 1 && index >= 1 && index <= count)
            {
                return new Shard(index, count);
            }

            result.AddError($"{name}: '{token}' is not k/n with 1 <= k <= n (for example 2/4).");
            return All;
        },
    };

    /// <summary>This slice of <paramref name="total"/> iterations: its first 0-based iteration and its length.</summary>
    public (int First, int Length) Slice(int total)
    {
        int first = (int)((long)total * (Index - 1) / Count);
        int end = (int)((long)total * Index / Count);
        return (first, end - first);
    }

    /// <summary>Whether item <paramref name="ordinal"/> (0-based) of a list belongs to this slice.</summary>
    public bool Owns(int ordinal) => ordinal % Count == Index - 1;
}
