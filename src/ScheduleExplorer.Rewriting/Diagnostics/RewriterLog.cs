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

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "{Assembly}: the static fields of generic types are not reset between iterations: {Types}")]
    public static partial void GenericStaticsKept(ILogger logger, string assembly, string types);
}
