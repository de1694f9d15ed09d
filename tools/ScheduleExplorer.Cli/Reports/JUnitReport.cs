using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace ScheduleExplorer.Cli.Reports;

/// <summary>
/// Writes results as JUnit XML, the format CI servers (Jenkins, GitLab, Azure Pipelines, GitHub
/// test reporters) read: one test case per explored method or hunt row, a failure element with
/// the bug's one-line message and the full report, a skipped element for a "could not test"
/// verdict (with what could not be tested and what to do). Characters XML cannot hold are escaped.
/// Written atomically.
/// </summary>
internal static class JUnitReport
{
    /// <summary>One test case: its class and name, time, the failure (message and text) if it failed, or why it could not be tested.</summary>
    public sealed record Case(string ClassName, string Name, TimeSpan Elapsed, string? FailureMessage = null, string? FailureText = null, string? SkippedMessage = null);

    /// <summary>Writes <paramref name="cases"/> as one suite named <paramref name="suite"/> to <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file or its folder cannot be written.</exception>
    public static void Write(string path, string suite, IReadOnlyList<Case> cases)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        CliPaths.EnsureParentDirectory(full, "JUnit report");
        var culture = CultureInfo.InvariantCulture;
        var suiteElement = new XElement(
            "testsuite",
            new XAttribute("name", XmlText.Escape(suite)),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", cases.Count(c => c.FailureMessage is not null)),
            new XAttribute("errors", 0),
            new XAttribute("skipped", cases.Count(c => c.FailureMessage is null && c.SkippedMessage is not null)),
            new XAttribute("time", cases.Sum(c => c.Elapsed.TotalSeconds).ToString("0.000", culture)),
            cases.Select(c => new XElement(
                "testcase",
                new XAttribute("classname", XmlText.Escape(c.ClassName)),
                new XAttribute("name", XmlText.Escape(c.Name)),
                new XAttribute("time", c.Elapsed.TotalSeconds.ToString("0.000", culture)),
                c.FailureMessage is not null
                    ? new XElement("failure", new XAttribute("message", XmlText.Escape(c.FailureMessage)), XmlText.Escape(c.FailureText ?? c.FailureMessage))
                    : c.SkippedMessage is not null ? new XElement("skipped", new XAttribute("message", XmlText.Escape(c.SkippedMessage))) : null)));
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites", suiteElement));
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true))
        {
            document.Save(writer);
        }

        Common.AtomicFile.WriteAllBytes(full, buffer.ToArray());
    }

    /// <summary>"Namespace.Type" and "Method" of a full method name such as "Namespace.Type.Method(3, 1)".</summary>
    public static (string ClassName, string Name) Split(string method)
    {
        int parenthesis = method.IndexOf('(', StringComparison.Ordinal);
        int dot = method.LastIndexOf('.', parenthesis < 0 ? method.Length - 1 : parenthesis);
        return dot < 0 ? (string.Empty, method) : (method[..dot], method[(dot + 1)..]);
    }
}
