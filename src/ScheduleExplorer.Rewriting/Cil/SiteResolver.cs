using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ScheduleExplorer.Rewriting.Cil;

/// <summary>
/// The source site of each original instruction of a method: <c>"File.cs:42"</c> from the nearest
/// visible sequence point at or before it (hidden points, line 0xFEEFEE, are skipped; a compiler
/// prologue before the first one takes the first one's site), or <c>"Namespace.Type.Method+IL_002a"</c>
/// when the method has none (no PDB).
/// Computed once, from the original body, before any insertion moves a sequence point.
/// </summary>
internal sealed class SiteResolver
{
    private const int HiddenLine = 0xFEEFEE;

    private readonly Dictionary<Instruction, string> _sites = [];
    private readonly string _methodName;

    /// <summary>Computes the sites of <paramref name="original"/>, the unedited instructions of <paramref name="method"/>.</summary>
    public SiteResolver(MethodDefinition method, IReadOnlyList<Instruction> original)
    {
        _methodName = method.DeclaringType.FullName.Replace('/', '+') + "." + method.Name;
        var points = new Dictionary<int, SequencePoint>();
        if (method.DebugInformation.HasSequencePoints)
        {
            foreach (SequencePoint point in method.DebugInformation.SequencePoints)
            {
                points.TryAdd(point.Offset, point);
            }
        }

        // A compiler prologue (an async state machine's dispatch, a closure's creation) comes before
        // the first visible point; its IL offsets differ between Debug and Release builds, so it
        // takes the site of the first statement it prepares: traces name the same sites in both.
        // Braces are points of Debug builds only (a nop each): they name no statement, so code after
        // one keeps the site of the statement before it, as in a Release build.
        var statements = original
            .Select(instruction => points.TryGetValue(instruction.Offset, out SequencePoint? point) ? point : null)
            .Where(point => point is not null && Visible(point) is not null)
            .ToList();
        string? current = Visible(statements.FirstOrDefault(point => !IsBrace(point!)) ?? statements.FirstOrDefault());
        foreach (Instruction instruction in original)
        {
            if (points.TryGetValue(instruction.Offset, out SequencePoint? point) && !IsBrace(point) && Visible(point) is { } site)
            {
                current = site;
            }

            _sites[instruction] = current ?? Fallback(instruction);
        }
    }

    private static bool IsBrace(SequencePoint point) => point.StartLine == point.EndLine && point.EndColumn == point.StartColumn + 1;

    private static string? Visible(SequencePoint? point) => point is not null && point.StartLine != HiddenLine && point.Document is not null
        ? FileName(point.Document.Url) + ":" + point.StartLine.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : null;

    /// <summary>The site of an original instruction.</summary>
    public string SiteOf(Instruction instruction) =>
        _sites.TryGetValue(instruction, out string? site) ? site : Fallback(instruction);

    /// <summary>The file name of a document URL, whatever the path separator of the machine that built it.</summary>
    public static string FileName(string url)
    {
        int slash = url.LastIndexOfAny(['/', '\\']);
        return slash < 0 ? url : url[(slash + 1)..];
    }

    private string Fallback(Instruction instruction) =>
        _methodName + "+IL_" + instruction.Offset.ToString("x4", System.Globalization.CultureInfo.InvariantCulture);
}
