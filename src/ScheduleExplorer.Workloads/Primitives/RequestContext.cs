namespace ScheduleExplorer.Workloads.Primitives;

/// <summary>
/// Two requests run at once; each starts a background thread that logs on its behalf and must
/// stamp the log line with its request's id. A static "current request" field is overwritten by
/// the other request; an <see cref="AsyncLocal{T}"/> flows into each started thread, as .NET does.
/// </summary>
public sealed class RequestContext
{
    private static readonly AsyncLocal<string?> s_current = new();
    private readonly string?[] _stamped = new string?[2];
    private string? _sharedCurrent;

    /// <summary>The bug: the current request id in a shared field.</summary>
    /// <exception cref="InvalidOperationException">A log line carried the other request's id (some schedules only).</exception>
    public static void SharedField() => new RequestContext().Run(asyncLocal: false);

    /// <summary>The fix: the current request id in an <see cref="AsyncLocal{T}"/>.</summary>
    public static void AsyncLocalFlow() => new RequestContext().Run(asyncLocal: true);

    private void Run(bool asyncLocal)
    {
        var requests = WorkerThreads.Start("request", [() => Handle(0, asyncLocal), () => Handle(1, asyncLocal)]);
        WorkerThreads.JoinAll(requests);
        for (int i = 0; i < 2; i++)
        {
            if (_stamped[i] != $"req-{i}")
            {
                throw new InvalidOperationException($"Request {i}'s log line was stamped '{_stamped[i]}'.");
            }
        }

        if (asyncLocal && s_current.Value is not null)
        {
            throw new InvalidOperationException("A request's id leaked into the caller.");
        }
    }

    private void Handle(int request, bool asyncLocal)
    {
        string id = $"req-{request}";
        if (asyncLocal)
        {
            s_current.Value = id;
        }
        else
        {
            _sharedCurrent = id;
        }

        var logger = new Thread(() => _stamped[request] = asyncLocal ? s_current.Value : _sharedCurrent) { Name = $"logger {request}" };
        logger.Start();
        logger.Join();
    }
}
