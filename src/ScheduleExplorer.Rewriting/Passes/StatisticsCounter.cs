namespace ScheduleExplorer.Rewriting.Passes;

/// <summary>Mutable counts gathered while rewriting one assembly.</summary>
internal sealed class StatisticsCounter
{
    /// <summary>Methods whose body was changed.</summary>
    public int MethodsRewritten { get; set; }

    /// <summary>Calls redirected to shims.</summary>
    public int CallsRedirected { get; set; }

    /// <summary>Memory hooks inserted.</summary>
    public int MemoryPoints { get; set; }

    /// <summary>Uncontrolled-call checks inserted.</summary>
    public int UncontrolledCalls { get; set; }

    /// <summary>Each uncontrolled-call check inserted, as "Type.Method at File.cs:42", in IL order.</summary>
    public List<string> UncontrolledCallSites { get; } = [];

    /// <summary>Each call whose value differs between processes, as "HashCode.Combine at File.cs:42", in IL order.</summary>
    public List<string> NondeterministicCallSites { get; } = [];

    /// <summary>Back-edge hooks inserted.</summary>
    public int BackEdges { get; set; }

    /// <summary>The counts as an immutable value.</summary>
    public RewriteStatistics ToStatistics() => new(MethodsRewritten, CallsRedirected, MemoryPoints, UncontrolledCalls, BackEdges);
}
