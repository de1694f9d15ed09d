using System.Reflection;
using Mono.Cecil;

namespace ScheduleExplorer.Rewriting.Modules;

/// <summary>
/// The mark left in every rewritten module: an internal static type
/// <c>&lt;ScheduleExplorer&gt;Rewritten</c> with a <c>HarnessVersion</c> constant, so a second
/// rewrite of the same file is detected (and refused) instead of instrumenting twice.
/// </summary>
internal static class RewriteMarker
{
    /// <summary>The marker type's name (no namespace).</summary>
    public const string TypeName = "<ScheduleExplorer>Rewritten";

    /// <summary>The marker's constant holding the harness version.</summary>
    public const string VersionFieldName = "HarnessVersion";

    /// <summary>The version of this rewriter ("0.1.0").</summary>
    public static string HarnessVersion { get; } =
        typeof(RewriteMarker).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>The harness version that rewrote <paramref name="module"/>, or null when it was not rewritten.</summary>
    public static string? RewrittenBy(ModuleDefinition module)
    {
        TypeDefinition? marker = module.GetType(string.Empty, TypeName);
        if (marker is null)
        {
            return null;
        }

        return marker.Fields.FirstOrDefault(f => f.Name == VersionFieldName)?.Constant as string ?? "unknown";
    }

    /// <summary>Adds the marker to <paramref name="module"/>.</summary>
    public static void Mark(ModuleDefinition module)
    {
        var marker = new TypeDefinition(
            string.Empty,
            TypeName,
            Mono.Cecil.TypeAttributes.NotPublic | Mono.Cecil.TypeAttributes.Abstract | Mono.Cecil.TypeAttributes.Sealed | Mono.Cecil.TypeAttributes.Class,
            module.TypeSystem.Object);
        var version = new FieldDefinition(
            VersionFieldName,
            Mono.Cecil.FieldAttributes.Assembly | Mono.Cecil.FieldAttributes.Static | Mono.Cecil.FieldAttributes.Literal | Mono.Cecil.FieldAttributes.HasDefault,
            module.TypeSystem.String)
        {
            Constant = HarnessVersion,
        };
        marker.Fields.Add(version);
        module.Types.Add(marker);
    }

    /// <summary>Whether the assembly file at <paramref name="path"/> carries the marker (false when it cannot be read).</summary>
    public static bool IsRewritten(string path)
    {
        try
        {
            using var module = ModuleDefinition.ReadModule(new MemoryStream(File.ReadAllBytes(path)));
            return RewrittenBy(module) is not null;
        }
        catch (Exception e) when (e is BadImageFormatException or IOException)
        {
            return false;
        }
    }
}
