using System.Globalization;
using System.Text;
using System.Xml;

namespace ScheduleExplorer.Cli.Reports;

/// <summary>Text made safe for XML 1.0: characters it cannot hold (control characters, lone surrogates) become <c>\uXXXX</c>.</summary>
internal static class XmlText
{
    /// <summary><paramref name="text"/> with every character XML 1.0 cannot hold written as <c>\uXXXX</c>.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? escaped = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (pair)
            {
                escaped?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (XmlConvert.IsXmlChar(c))
            {
                escaped?.Append(c);
                continue;
            }

            escaped ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
            escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
        }

        return escaped?.ToString() ?? text;
    }
}
