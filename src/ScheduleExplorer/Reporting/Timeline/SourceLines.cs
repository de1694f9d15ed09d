using System.Globalization;
using System.Text.RegularExpressions;

namespace ScheduleExplorer.Reporting.Timeline;

/// <summary>
/// Finds the source text of a trace site ("Philosopher.cs:81") under a set of folders, and the
/// method around it. Files are matched by name (traces hold file names, not paths); build output
/// and version-control folders are skipped; the first match in ordinal path order wins, so the
/// result does not depend on the file system's enumeration order.
/// </summary>
internal sealed partial class SourceLines
{
    private static readonly HashSet<string> s_skippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", ".git", "node_modules", "TestResults" };
    private readonly IReadOnlyList<string> _roots;
    private readonly Dictionary<string, string[]?> _files = new(StringComparer.Ordinal);
    private Dictionary<string, string>? _index;

    /// <summary>Looks files up under <paramref name="roots"/> (none: no source text is shown).</summary>
    public SourceLines(IReadOnlyList<string> roots) => _roots = roots;

    /// <summary>The trimmed text of the site's line, or null when the file or line is not found.</summary>
    public string? Text(string? site) =>
        Lines(site, out int line) is { } lines && line >= 1 && line <= lines.Length ? lines[line - 1].Trim() : null;

    /// <summary>The name of the method or local function whose body holds the site's line, or null.</summary>
    public string? EnclosingMethod(string? site)
    {
        if (Lines(site, out int line) is not { } lines || line < 1 || line > lines.Length)
        {
            return null;
        }

        for (int i = line - 1; i >= 0; i--)
        {
            var match = MethodDeclaration().Match(lines[i]);
            if (match.Success && !lines[i].TrimEnd().EndsWith(';') && !IsKeyword(match.Groups["type"].Value) && !IsKeyword(match.Groups["name"].Value))
            {
                return match.Groups["name"].Value;
            }
        }

        return null;
    }

    /// <summary>Splits "File.cs:81" into its file and line; false when the site has no line.</summary>
    public static bool TryParse(string? site, out string file, out int line)
    {
        file = string.Empty;
        line = 0;
        int colon = site?.LastIndexOf(':') ?? -1;
        if (site is null || colon <= 0 || !int.TryParse(site.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out line))
        {
            return false;
        }

        file = site[..colon];
        return true;
    }

    private string[]? Lines(string? site, out int line)
    {
        if (!TryParse(site, out string file, out line))
        {
            return null;
        }

        if (!_files.TryGetValue(file, out string[]? lines))
        {
            string? path = Path.IsPathRooted(file) && File.Exists(file) ? file : Index().GetValueOrDefault(Path.GetFileName(file));
            lines = path is null ? null : ReadLines(path);
            _files[file] = lines;
        }

        return lines;
    }

    private static string[]? ReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private Dictionary<string, string> Index()
    {
        if (_index is not null)
        {
            return _index;
        }

        var found = new List<string>();
        foreach (string root in _roots.Where(Directory.Exists))
        {
            Collect(root, found);
        }

        found.Sort(StringComparer.Ordinal);
        _index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in found)
        {
            _index.TryAdd(Path.GetFileName(path), path);
        }

        return _index;
    }

    private static void Collect(string folder, List<string> found)
    {
        try
        {
            found.AddRange(Directory.EnumerateFiles(folder, "*.cs"));
            foreach (string child in Directory.EnumerateDirectories(folder))
            {
                if (!s_skippedFolders.Contains(Path.GetFileName(child)))
                {
                    Collect(child, found);
                }
            }
        }
        catch (IOException)
        {
            // A folder that vanished or cannot be listed holds no source we can show.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static bool IsKeyword(string name) =>
        name is "if" or "while" or "for" or "foreach" or "switch" or "lock" or "using" or "catch" or "return" or "new" or "nameof" or "typeof" or "when" or "await" or "throw" or "fixed";

    // "public async Task DineAsync(int n)" or "void Eat()": modifiers, a return type, a name, "(";
    // a call ("Eat();"), an assignment or a statement keyword is not a declaration.
    [GeneratedRegex(@"^\s*(?:(?:public|private|internal|protected|static|async|override|virtual|sealed|unsafe|partial|extern|new|readonly)\s+)*(?<type>[\w\[\],.?]+(?:<[^()=]*>)?\??)\s+(?<name>[A-Za-z_]\w*)\s*(?:<[^()=]*>)?\s*\(")]
    private static partial Regex MethodDeclaration();
}
