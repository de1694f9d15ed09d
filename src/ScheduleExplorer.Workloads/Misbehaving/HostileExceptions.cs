namespace ScheduleExplorer.Workloads.Misbehaving;

/// <summary>
/// Exceptions whose own members fail when a report reads them: a <c>Message</c> that throws or
/// recurses, a <c>ToString</c> that throws, a <c>StackTrace</c> that throws. The workload's failure must still be
/// reported as a bug, and the tester must not crash while describing it.
/// </summary>
public static class HostileExceptions
{
    /// <summary>A worker throws an exception whose <c>Message</c> throws.</summary>
    public static void MessageThrows() => ThrowOnWorker(new MessageThrowingException());

    /// <summary>A worker throws an exception whose <c>ToString</c> and <c>StackTrace</c> throw.</summary>
    public static void ToStringThrows() => ThrowOnWorker(new ToStringThrowingException());

    /// <summary>
    /// A worker throws an exception whose <c>Message</c> recurses without end: reading it overflows the
    /// stack of whatever process reads it, which only a run in a child process can report.
    /// </summary>
    public static void MessageRecurses() => ThrowOnWorker(new RecursingException());

    private static void ThrowOnWorker(Exception exception)
    {
        var worker = new Thread(() => throw exception);
        worker.Start();
        worker.Join();
    }

    private sealed class MessageThrowingException : Exception
    {
        public override string Message => throw new InvalidOperationException("Message is not available");
    }

    private sealed class RecursingException : Exception
    {
        public override string Message => "again: " + Message;
    }

    private sealed class ToStringThrowingException : Exception
    {
        public ToStringThrowingException()
            : base("inventory record is corrupt")
        {
        }

        public override string? StackTrace => throw new NotSupportedException("no stack");

        public override string ToString() => throw new NotSupportedException("no text");
    }
}
