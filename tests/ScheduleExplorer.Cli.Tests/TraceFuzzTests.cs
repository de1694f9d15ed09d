using System.Text;
using ScheduleExplorer.Testing;
using ScheduleExplorer.Traces;

namespace ScheduleExplorer.Cli.Tests;

/// <summary>
/// Seeded mutations of a real trace file: parsing never throws anything but a
/// <see cref="TraceFormatException"/> and never hangs, and every mutation that changes the schedule
/// or the bug is caught when replayed.
/// </summary>
[TestFixture]
public sealed class TraceFuzzTests
{
    private const int Mutations = 2_000;
    private const int ReplaySample = 120;

    private static readonly string[] s_hostileValues =
    [
        "1.0", "-1", "0", "1", "1e308", "-1e308", "1e400", "2147483648", "-2147483649", "9223372036854775808",
        "18446744073709551616", "\"x\"", "\"\"", "null", "[]", "{}", "true", "\"\\u0000\"", "\"Deadlock\"", "999",
        "\"" + new string('a', 10_000) + "\"", new string('[', 5_000) + new string(']', 5_000),
    ];

    private TestingEngine _engine = null!;
    private ScheduleTrace _trace = null!;
    private byte[] _json = null!;

    [OneTimeSetUp]
    public void RecordATrace()
    {
        _engine = TestingEngine.Create(new TestConfiguration { Iterations = 100, HangTimeout = TimeSpan.FromSeconds(2) }, CliRun.Workloads, "LostUpdate.Unsynchronized");
        _trace = _engine.Run().Trace!;
        Assert.That(_trace, Is.Not.Null);
        _json = TraceSerializer.ToUtf8(_trace);
    }

    [OneTimeTearDown]
    public void TearDown() => _engine.Dispose();

    [Test]
    public void Mutations_AreRejectedOrParsed_AndEveryScheduleOrBugChangeIsCaughtOnReplay()
    {
        var random = new Random(20261202);
        var unexpected = new List<string>();
        var changed = new List<(string Mutation, ScheduleTrace Trace)>();
        int rejected = 0;

        // On a task, so that a parse that never returns fails the test instead of hanging the suite.
        var parsing = Task.Run(() =>
        {
            for (int i = 0; i < Mutations; i++)
            {
                var (description, bytes) = Mutate(random);
                try
                {
                    var parsed = TraceSerializer.FromUtf8(bytes, "fuzz");
                    if (ChangesScheduleOrBug(parsed))
                    {
                        changed.Add(($"#{i} {description}", parsed));
                    }
                }
                catch (TraceFormatException e)
                {
                    rejected++;
                    Assert.That(e.Message, Does.Not.Contain('\n'), "one line");
                }
                catch (Exception e)
                {
                    unexpected.Add($"#{i} {description}: {e.GetType().Name}: {e.Message}");
                }
            }
        });
        Assert.That(parsing.Wait(TimeSpan.FromMinutes(5)), Is.True, "parsing finished (no hang)");
        TestContext.Out.WriteLine($"{Mutations} mutations: {rejected} rejected, {changed.Count} parsed with another schedule or bug");
        Assert.That(unexpected, Is.Empty, "only TraceFormatException escapes the parser");
        Assert.That(rejected, Is.GreaterThan(Mutations / 4), "the mutations reach the validation");
        Assert.That(changed, Is.Not.Empty, "some mutations keep a parseable trace with another schedule or bug");

        var undetected = new List<string>();
        foreach (var (mutation, trace) in changed.Take(ReplaySample))
        {
            if (Reproduces(trace))
            {
                undetected.Add($"{mutation}: {Difference(trace)}");
            }
        }

        Assert.That(undetected, Is.Empty, "every changed schedule or bug diverges on replay");
    }

    private bool Reproduces(ScheduleTrace trace)
    {
        try
        {
            var report = _engine.Replay(trace);
            return report.Divergence is null && report.Verdict != Verdict.CouldNotTest;
        }
        catch (WorkloadException)
        {
            return false; // refused: the trace names another assembly or method
        }
    }

    private string Difference(ScheduleTrace parsed)
    {
        for (int i = 0; i < Math.Min(parsed.Steps.Count, _trace.Steps.Count); i++)
        {
            if (Choice(parsed.Steps[i]) != Choice(_trace.Steps[i]))
            {
                return $"step {i + 1} of {_trace.Steps.Count}: {_trace.Steps[i].ToScheduleStep()} -> {parsed.Steps[i].ToScheduleStep()}";
            }
        }

        return parsed.Steps.Count != _trace.Steps.Count ? $"{_trace.Steps.Count} -> {parsed.Steps.Count} steps" : $"bug {_trace.Bug?.Describe()} -> {parsed.Bug?.Describe()}";
    }

    /// <summary>What a step decides (kind, operation, choice); site and target are descriptive only.</summary>
    private static string Choice(TraceStep s) => $"{s.Kind},{s.By},{s.Next ?? s.By},{s.Value ?? 0}";

    private bool ChangesScheduleOrBug(ScheduleTrace parsed)
    {
        static string Schedule(ScheduleTrace t) => string.Join(';', t.Steps.Select(Choice));
        // A trace that lost its bug's operation or step (as older traces have none) claims no other bug.
        return Schedule(parsed) != Schedule(_trace) || !TraceBugs.Match(parsed.Bug, _trace.Bug);
    }

    private (string Description, byte[] Bytes) Mutate(Random random)
    {
        string text = Encoding.UTF8.GetString(_json);
        switch (random.Next(8))
        {
            case 0:
            {
                var bytes = (byte[])_json.Clone();
                int at = random.Next(bytes.Length);
                bytes[at] = (byte)random.Next(256);
                return ($"byte {at} set", bytes);
            }

            case 1:
            {
                int at = random.Next(text.Length);
                int length = random.Next(1, 40);
                return ($"cut {length} at {at}", Encoding.UTF8.GetBytes(text.Remove(at, Math.Min(length, text.Length - at))));
            }

            case 2:
            {
                int at = random.Next(text.Length);
                string span = text.Substring(at, Math.Min(random.Next(1, 80), text.Length - at));
                return ($"duplicated at {at}", Encoding.UTF8.GetBytes(text.Insert(at, span)));
            }

            case 3:
                return ("truncated", _json[..random.Next(_json.Length)]);

            default:
                return ReplaceValue(text, random);
        }
    }

    /// <summary>Replaces one value of one "name": value line, with a hostile value or a nearby number.</summary>
    private static (string, byte[]) ReplaceValue(string text, Random random)
    {
        string[] lines = text.Split('\n');
        int[] candidates = [.. Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains("\": ", StringComparison.Ordinal))];
        int index = candidates[random.Next(candidates.Length)];
        string line = lines[index];
        int colon = line.IndexOf("\": ", StringComparison.Ordinal) + 3;
        string value = line[colon..].TrimEnd(',', '\r');
        string replacement = random.Next(3) == 0 && long.TryParse(value, out long number)
            ? (number + random.Next(-2, 3)).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : random.Next(4) == 0 && value.StartsWith('"') ? "\"" + value.Trim('"') + "x\""
            : s_hostileValues[random.Next(s_hostileValues.Length)];
        lines[index] = line[..colon] + replacement + (line.TrimEnd('\r').EndsWith(',') ? "," : string.Empty);
        return ($"line {index + 1} '{line.Trim()}' -> {replacement[..Math.Min(30, replacement.Length)]}", Encoding.UTF8.GetBytes(string.Join('\n', lines)));
    }
}
