using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ScheduleExplorer.Rewriting.Cil;

/// <summary>
/// The source site of each original instruction of a method: <c>"File.cs:42"</c> from the nearest
/// visible sequence point at or before it (hidden points, line 0xFEEFEE, are skipped), or
/// <c>"Namespace.Type.Method+IL_002a"</c> when there is none (no PDB, or a compiler prologue).
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

        string? current = null;
        foreach (Instruction instruction in original)
        {
            if (points.TryGetValue(instruction.Offset, out SequencePoint? point) && point.StartLine != HiddenLine && point.Document is not null)
            {
                current = FileName(point.Document.Url) + ":" + point.StartLine.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            _sites[instruction] = current ?? Fallback(instruction);
        }
    }

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
