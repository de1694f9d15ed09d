namespace ScheduleExplorer.Runtime;

/// <summary>
/// A continuation handed to a user <see cref="SynchronizationContext"/> (the await captured it):
/// until the context runs it, the flow cannot go on. A deadlock report names the ones still
/// waiting, which is how a sync-over-async deadlock explains itself.
/// </summary>
internal sealed class PostedContinuation
{
    public PostedContinuation(string flow, string? site, string contextName)
    {
        Flow = flow;
        Site = site;
        ContextName = contextName;
    }

    public string Flow { get; }

    public string? Site { get; }

    public string ContextName { get; }

    /// <summary>Set when the context ran the continuation.</summary>
    public bool Ran { get; set; }
}
