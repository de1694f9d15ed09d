using System.Globalization;

namespace ScheduleExplorer.Detection;

/// <summary>
/// The reports the runtime itself makes (as opposed to exceptions and deadlocks): bugs, and what it
/// could not test. Numbers are formatted with the invariant culture: traces hold these messages and
/// must be the same bytes under any culture.
/// </summary>
internal static class RuntimeBugs
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// The race the runtime witnessed on <paramref name="location"/> (an array's element
    /// <paramref name="index"/>, or a field when null): <paramref name="reached"/> is the access an
    /// operation reached while another was paused right before <paramref name="paused"/>.
    /// </summary>
    public static BugReport DataRace(string location, nint? index, AccessWitness reached, AccessWitness paused)
    {
        string where = index is { } element
            ? string.Create(s_invariant, $"an element of {location} (index {element})")
            : location;
        var (first, second) = string.CompareOrdinal(reached.Site, paused.Site) <= 0 ? (reached, paused) : (paused, reached);
        return new BugReport(
            BugKind.DataRace,
            string.Create(s_invariant, $"Data race on {where}: '{reached.Operation}' is about to {Verb(reached, present: false)} it at {reached.Site} (step {reached.Step}) while '{paused.Operation}' is about to {Verb(paused, present: false)} it at {paused.Site} (step {paused.Step}), and nothing orders the two accesses."),
            "Both operations were right before these accesses at the same moment, so either may run first (and on real threads both at once): "
                + "no lock, Interlocked or Volatile operation, task completion or other synchronization orders them. "
                + "Guard the location with one lock or access it with Interlocked/Volatile; if the race is intended, mark the field [BenignRace] or list the location under BenignRaces in coyote.json.",
            reached.Operation)
        {
            Signature = $"race {location} {Verb(first)} {first.Site} / {Verb(second)} {second.Site}",
            Race = new DataRaceFacts
            {
                Location = location,
                Index = index,
                Accesses = [Fact(reached), Fact(paused)],
            },
        };

        static RacingAccess Fact(in AccessWitness a) =>
            new() { Operation = a.Operation, Step = a.Step, Site = a.Site, Access = a.IsWrite ? "write" : "read" };

        static string Verb(in AccessWitness a, bool present = true) => (a.IsWrite, present) switch
        {
            (true, true) => "writes",
            (false, true) => "reads",
            (true, false) => "write",
            (false, false) => "read",
        };
    }

    public static BugReport Spin(string operation, long backEdges, string? site) => new(
        BugKind.Hang,
        string.Create(s_invariant, $"'{operation}' spins without reaching a scheduling point ({backEdges:N0} loop iterations{(site is null ? string.Empty : $" at {site}")})."),
        "The loop touches no shared field, lock or other controlled primitive, so no other operation can ever run: add a Thread.Yield() or make the loop observe shared state.",
        operation);

    public static BugReport Livelock(int maxSteps, string operation, IEnumerable<string> running) => new(
        BugKind.Livelock,
        string.Create(s_invariant, $"The iteration reached the bound of {maxSteps:N0} scheduling steps without finishing (a livelock, or a bound too small for this test)."),
        $"Operations still running: {string.Join(", ", running.Select(name => $"'{name}'"))}.",
        operation);

    /// <summary>
    /// A real hang: no scheduling progress for <paramref name="timeout"/>. <paramref name="stack"/> is
    /// the stuck operation's stack where it was interrupted (null when it could not be interrupted).
    /// </summary>
    public static BugReport Hang(string? operation, TimeSpan timeout, string? stack)
    {
        string seconds = timeout.TotalSeconds.ToString("0.###", s_invariant);
        string? call = stack is null ? null : BlockingCall(stack);
        string what = call is null
            ? $"'{operation}' made no progress for {seconds} s: it is blocked in a call the controlled runtime does not control, or it loops without reaching a scheduling point"
            : $"'{operation}' made no progress for {seconds} s: it is blocked in {call}, which the controlled runtime does not control";
        string details = stack is null
            ? "The stuck operation did not respond to an interrupt (it runs code that never blocks or reaches a scheduling point), so its stack is unknown."
            : $"Stack of '{operation}' where it was stuck:{Environment.NewLine}{stack}";
        const string Advice = "make sure the code under test (and what it calls) is rewritten and uses only controlled primitives, or raise --hang-timeout if the call only takes long";
        return new BugReport(BugKind.Hang, what + ".", details, operation)
        {
            Inconclusive = new CouldNotTestReport(CouldNotTestCause.Hang, what, Advice, details),
        };
    }

    /// <summary>
    /// An await of work not created under control that did not complete within
    /// <paramref name="timeout"/>: a hang in uncontrolled code, never a deadlock (the scheduler
    /// cannot know whether that work would ever complete).
    /// </summary>
    public static BugReport UncontrolledAwaitHang(string operation, string awaited, string? site, TimeSpan timeout)
    {
        string seconds = timeout.TotalSeconds.ToString("0.###", s_invariant);
        string what = $"'{operation}' waits for {awaited}{(site is null ? string.Empty : $" at {site}")}, which did not complete within {seconds} s outside the controlled scheduler (a hang in uncontrolled code: real I/O, a real timer, or code that is not rewritten)";
        const string Advice = "make the awaited work controlled (rewrite the code that creates it, or replace real I/O with a controlled fake), or raise --hang-timeout if it only takes long";
        return new BugReport(BugKind.Hang, what + ".", Advice, operation)
        {
            Inconclusive = new CouldNotTestReport(CouldNotTestCause.Hang, what, Advice, string.Empty),
        };
    }

    public static BugReport UncontrolledThread(string description)
    {
        const string Advice = "threads must be started by rewritten code (new Thread(...).Start()) so the scheduler controls them; rewrite the assembly that starts this thread, or avoid the thread pool, timers and tasks in code under test";
        return new BugReport(BugKind.UncontrolledConcurrency, $"Uncontrolled concurrency: {description}.", Advice, operation: null)
        {
            Inconclusive = new CouldNotTestReport(CouldNotTestCause.UncontrolledThread, description, Advice, string.Empty),
        };
    }

    /// <summary>Iterations that the step bound cut off: the run cannot say "no bug" for them.</summary>
    public static CouldNotTestReport StepBound(int cutOff, int iterations, int maxSteps, int? firstIteration) => new(
        CouldNotTestCause.StepBound,
        string.Create(s_invariant, $"{cutOff:N0} of {iterations:N0} iterations were cut off by the step bound of {maxSteps:N0} scheduling steps before they finished"),
        "raise --max-steps (TestConfiguration.MaxSteps) if the test is long, or use --fail-on-max-steps (FailOnMaxSteps) to report a cut-off as a livelock bug",
        string.Create(s_invariant, $"An iteration cut off by the step bound is neither a bug nor a pass: the schedule never reached its end. The first one was iteration {firstIteration}."))
    {
        Iteration = firstIteration,
    };

    /// <summary>
    /// "System.Threading.WaitHandle.WaitOne, called from Helper.Wait (Helper.cs:9)": the innermost
    /// frame of <paramref name="stack"/> (runtime-internal suffixes such as NoCheck dropped) and the
    /// first frame outside the framework and the harness.
    /// </summary>
    private static string? BlockingCall(string stack)
    {
        var frames = stack.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("at ", StringComparison.Ordinal))
            .Select(line => line[3..])
            .ToList();
        if (frames.Count == 0)
        {
            return null;
        }

        // Generated frames (a P/Invoke stub such as WaitHandle.<WaitOneCore>g____PInvoke|0_0) say
        // where the interrupt landed, not what the user called.
        string call = PublicName(MethodOf(frames.FirstOrDefault(f => !MethodOf(f).Contains('<', StringComparison.Ordinal)) ?? frames[0]));
        string? caller = frames.Skip(1).FirstOrDefault(f => !IsFrameworkOrHarness(f));
        if (caller is null)
        {
            return call;
        }

        int at = caller.IndexOf(" in ", StringComparison.Ordinal);
        string site = at < 0 ? string.Empty : $" ({SiteOf(caller[(at + 4)..])})";
        return $"{call}, called from {MethodOf(caller)}{site}";
    }

    private static string MethodOf(string frame)
    {
        int parenthesis = frame.IndexOf('(', StringComparison.Ordinal);
        return parenthesis < 0 ? frame : frame[..parenthesis];
    }

    private static string PublicName(string method)
    {
        foreach (string suffix in (string[])["NoCheck", "Internal", "Core"])
        {
            if (method.EndsWith(suffix, StringComparison.Ordinal) && method.Length > suffix.Length)
            {
                return method[..^suffix.Length];
            }
        }

        return method;
    }

    private static bool IsFrameworkOrHarness(string frame) =>
        frame.StartsWith("System.", StringComparison.Ordinal) || frame.StartsWith("Microsoft.", StringComparison.Ordinal)
        || frame.StartsWith("ScheduleExplorer.Runtime.", StringComparison.Ordinal) || frame.StartsWith("ScheduleExplorer.Controlled.", StringComparison.Ordinal)
        || frame.StartsWith("ScheduleExplorer.Testing.", StringComparison.Ordinal);

    /// <summary>"/path/Helper.cs:line 9" as "Helper.cs:9".</summary>
    private static string SiteOf(string location)
    {
        int line = location.LastIndexOf(":line ", StringComparison.Ordinal);
        string file = line < 0 ? location : location[..line];
        string name = file[(file.LastIndexOfAny(['/', '\\']) + 1)..];
        return line < 0 ? name : $"{name}:{location[(line + ":line ".Length)..].Trim()}";
    }
}
