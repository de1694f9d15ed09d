using Microsoft.Extensions.Logging;

namespace ScheduleExplorer.Rewriting.Diagnostics;

/// <summary>The rewriter's log messages.</summary>
internal static partial class RewriterLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Rewrote {Assembly}: {Statistics}")]
    public static partial void Rewrote(ILogger logger, string assembly, RewriteStatistics statistics);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "The runtime {Runtime} lacks {Hook}; the pass that needs it is skipped")]
    public static partial void MissingHook(ILogger logger, string runtime, string hook);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "The symbols of {Assembly} could not be read ({Reason}); rewriting without line information")]
    public static partial void SymbolsUnreadable(ILogger logger, string assembly, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Load context {Context}: {Assembly} {How}")]
    public static partial void Loading(ILogger logger, string context, string assembly, string how);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Wrote {Path}")]
    public static partial void Wrote(ILogger logger, string path);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "{Assembly} makes {Count} calls to concurrency APIs ScheduleExplorer does not control; a run that reaches one ends with \"could not test\": {Calls}")]
    public static partial void UncontrolledCalls(ILogger logger, string assembly, int count, string calls);

    /// <summary>
    /// The calls ("API at File.cs:42") grouped by API in first-seen order, each with its first sites:
    /// "Task.Run at Jobs.cs:12, Jobs.cs:30; Timer..ctor at Clock.cs:8".
    /// </summary>
    public static string List(IReadOnlyList<string> calls, int sitesPerApi = 4)
    {
        var groups = calls
            .Select(call => call.Split(" at ", 2))
            .GroupBy(parts => parts[0], parts => parts.Length > 1 ? parts[1] : "?", StringComparer.Ordinal)
            .Select(group =>
            {
                var sites = group.Distinct(StringComparer.Ordinal).ToList();
                string more = sites.Count > sitesPerApi ? $" and {sites.Count - sitesPerApi} more" : string.Empty;
                return $"{group.Key} at {string.Join(", ", sites.Take(sitesPerApi))}{more}";
            });
        return string.Join("; ", groups);
    }

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "{Assembly}: the static fields of generic types are not reset between iterations (the runtime lacks ControlledGenericStatics): {Types}")]
    public static partial void GenericStaticsKept(ILogger logger, string assembly, string types);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "{Assembly} makes {Count} calls whose values differ from one process to the next (ScheduleExplorer cannot fix them); a schedule that depends on those values may not replay: {Calls}")]
    public static partial void NondeterministicCalls(ILogger logger, string assembly, int count, string calls);
}
