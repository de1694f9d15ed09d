using System.Xml.Linq;
using ScheduleExplorer.Cli.Reports;

namespace ScheduleExplorer.Cli.Tests;

/// <summary>A JUnit file holds any bug message: characters XML cannot hold are escaped, never a failed write.</summary>
[TestFixture]
public sealed class JUnitEscapingTests
{
    [Test]
    public void Write_ControlCharactersAndLoneSurrogates_AreEscaped_AndTheFileParses()
    {
        using var temp = new TempDirectory();
        string path = temp.File("junit.xml");
        string message = "bell\u0007 escape\u001b nul\0 lone\ud800 pair\ud83d\ude00 end";
        JUnitReport.Write(path, "suite\u0001", [new JUnitReport.Case("N.T\u0002", "M", TimeSpan.FromSeconds(1), message, message + "\n  at W.cs:1")]);

        var failure = XDocument.Load(path).Descendants("failure").Single();
        Assert.Multiple(() =>
        {
            Assert.That(failure.Attribute("message")!.Value, Is.EqualTo("bell\\u0007 escape\\u001b nul\\u0000 lone\\ud800 pair\ud83d\ude00 end"));
            Assert.That(failure.Value, Does.Contain("\\u001b").And.Contain("at W.cs:1"));
            Assert.That(XDocument.Load(path).Descendants("testcase").Single().Attribute("classname")!.Value, Is.EqualTo("N.T\\u0002"));
        });
    }
}
