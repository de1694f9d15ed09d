namespace ScheduleExplorer.Detection;

/// <summary>Turns an exception that escaped an operation into a bug report.</summary>
internal static class ExceptionClassifier
{
    public static BugReport ToBug(string operation, Exception exception)
    {
        if (exception is UncontrolledConcurrencyException uncontrolled)
        {
            return CouldNotTest(operation, uncontrolled);
        }

        var kind = Classify(exception);
        string what = kind switch
        {
            BugKind.AssertionFailure => "assertion failed: ",
            BugKind.UncontrolledConcurrency => string.Empty, // the message already says so
            _ => $"unhandled {exception.GetType().Name}: ",
        };
        string firstLine = FirstLine(ExceptionText.Message(exception));
        string? frame = UserFrame(exception);
        string site = frame is null ? string.Empty : $" ({frame})";
        return new BugReport(kind, $"'{operation}': {what}{firstLine}{site}", ExceptionText.Describe(exception), operation)
        {
            Signature = $"{exception.GetType().FullName} at {frame ?? FirstLine(ExceptionText.Message(exception))}",
        };
    }

    /// <summary>
    /// An uncontrolled API is a limit of the tool, not a bug: the site recorded by the rewriter comes
    /// first (it does not move with JIT inlining), the first user frame of the stack otherwise.
    /// </summary>
    private static BugReport CouldNotTest(string operation, UncontrolledConcurrencyException exception)
    {
        string? site = exception.Site ?? UserFrame(exception);
        string message = $"{exception.Api} (uncontrolled API){(site is null ? string.Empty : $" at {site}")} in '{operation}'";
        return new BugReport(BugKind.UncontrolledConcurrency, $"'{operation}': {FirstLine(ExceptionText.Message(exception))}{(site is null ? string.Empty : $" ({site})")}", ExceptionText.Describe(exception), operation)
        {
            Inconclusive = new CouldNotTestReport(CouldNotTestCause.UncontrolledApi, message, exception.Advice, ExceptionText.Describe(exception)),
        };
    }

    public static BugKind Classify(Exception exception) => exception switch
    {
        AssertionFailureException => BugKind.AssertionFailure,
        UncontrolledConcurrencyException => BugKind.UncontrolledConcurrency,
        _ when IsTestFrameworkAssertion(exception.GetType()) => BugKind.AssertionFailure,
        _ => BugKind.UnhandledException,
    };

    private static bool IsTestFrameworkAssertion(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.FullName is "NUnit.Framework.AssertionException" or "Xunit.Sdk.XunitException"
                or "Microsoft.VisualStudio.TestTools.UnitTesting.AssertFailedException")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first line, without the indentation NUnit gives its messages ("  Expected: …").</summary>
    private static string FirstLine(string text)
    {
        int newline = text.IndexOfAny(['\r', '\n']);
        return (newline < 0 ? text : text[..newline]).TrimStart();
    }

    /// <summary>Whether <paramref name="assembly"/> is the runtime or the engine above it.</summary>
    private static bool IsHarness(System.Reflection.Assembly? assembly) =>
        assembly == typeof(BugReport).Assembly
        || string.Equals(assembly?.GetName().Name, "ScheduleExplorer.Testing", StringComparison.Ordinal);

    /// <summary>The first stack frame with a source line outside the harness and the BCL.</summary>
    private static string? UserFrame(Exception exception)
    {
        var trace = new System.Diagnostics.StackTrace(exception, fNeedFileInfo: true);
        foreach (var frame in trace.GetFrames())
        {
            var method = frame.GetMethod();
            var assembly = method?.DeclaringType?.Assembly;
            if (frame.GetFileName() is { } file && !IsHarness(assembly))
            {
                return $"{Path.GetFileName(file)}:{frame.GetFileLineNumber()}";
            }
        }

        return null;
    }
}
