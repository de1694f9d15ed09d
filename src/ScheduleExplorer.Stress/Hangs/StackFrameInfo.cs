namespace ScheduleExplorer.Stress.Hangs;

/// <summary>One managed frame of a stuck thread.</summary>
/// <param name="Method">"Namespace.Type.Method(ParameterTypes)".</param>
/// <param name="Module">The module's file name ("ScheduleExplorer.Workloads.dll"), or null.</param>
/// <param name="File">The source file name, when the module's portable PDB says.</param>
/// <param name="Line">The source line, when the module's portable PDB says.</param>
public sealed record StackFrameInfo(string Method, string? Module, string? File = null, int? Line = null)
{
    /// <summary>"at Type.Method(…) in File.cs:42", as a .NET stack trace line.</summary>
    public override string ToString() => File is null ? $"at {Method}" : $"at {Method} in {File}:{Line}";
}
