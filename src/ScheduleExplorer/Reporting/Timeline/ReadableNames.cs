using System.Text;
using System.Text.RegularExpressions;

namespace ScheduleExplorer.Reporting.Timeline;

/// <summary>
/// Turns compiler-generated names into what a person wrote: a closure's captured local
/// (<c>Outer+&lt;&gt;c__DisplayClass4_1.first</c>) becomes <c>Outer.first (captured)</c>, an async
/// state machine's hoisted local (<c>Outer+&lt;RunAsync&gt;d__5.&lt;total&gt;5__2</c>) becomes
/// <c>Outer.RunAsync: total</c>, a lambda (<c>&lt;Main&gt;b__0_1</c>) becomes <c>lambda in Main</c>,
/// and the namespace is dropped.
/// </summary>
internal static partial class ReadableNames
{
    /// <summary>The readable form of a shared location or member name.</summary>
    public static string Location(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        bool captured = DisplayClass().IsMatch(name) && !LocalsLink().IsMatch(name);
        string text = DisplayClass().Replace(name, string.Empty);
        text = LocalsLink().Replace(text, "(outer closure)");
        text = StateMachine().Replace(text, "+$1:");
        text = Lambda().Replace(text, "lambda in $1");
        text = Hoisted().Replace(text, "$1");
        text = BackingField().Replace(text, "$1");
        text = text.Replace("<>4__this", "this", StringComparison.Ordinal).Replace("<>1__state", "state", StringComparison.Ordinal);
        text = text.Replace("<>c.", string.Empty, StringComparison.Ordinal).Replace("+<>c", string.Empty, StringComparison.Ordinal);
        text = DropNamespace(text).Replace(":.", ": ", StringComparison.Ordinal);
        return captured ? text + " (captured)" : text;
    }

    /// <summary>"Type.member" of "Namespace.Outer+Inner.member": the namespace adds width, not information.</summary>
    private static string DropNamespace(string name)
    {
        int generic = name.IndexOfAny(['<', '[', '(']);
        string head = generic < 0 ? name : name[..generic];
        string tail = generic < 0 ? string.Empty : name[generic..];
        string[] parts = head.Split('.');
        if (parts.Length <= 2)
        {
            return name.Replace('+', '.');
        }

        var text = new StringBuilder(parts[^2]).Append('.').Append(parts[^1]).Append(tail);
        return text.ToString().Replace('+', '.');
    }

    [GeneratedRegex(@"\+<>c__DisplayClass\d+_\d+")]
    private static partial Regex DisplayClass();

    [GeneratedRegex(@"CS\$<>8__locals\d+")]
    private static partial Regex LocalsLink();

    [GeneratedRegex(@"\+<([^>]+)>d__\d+")]
    private static partial Regex StateMachine();

    [GeneratedRegex(@"<([^>]+)>b__\d+(_\d+)?")]
    private static partial Regex Lambda();

    [GeneratedRegex(@"<([^>]+)>5__\d+")]
    private static partial Regex Hoisted();

    [GeneratedRegex(@"<([^>]+)>k__BackingField")]
    private static partial Regex BackingField();
}
