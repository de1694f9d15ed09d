using System.Xml.Linq;
using ScheduleExplorer.Stress.Demos;
using ScheduleExplorer.Stress.Reporting;
using ScheduleExplorer.Stress.Running;

namespace ScheduleExplorer.Stress.Tests;

/// <summary>Percentiles, the Amdahl fit, the SVG chart and the text table, on known data.</summary>
[TestFixture]
public sealed class SummaryTests
{
    [Test]
    public void LatencySummary_OneToHundred_NearestRankPercentiles()
    {
        LatencySummary summary = LatencySummary.Of(Enumerable.Range(1, 100).Reverse().Select(i => TimeSpan.FromMilliseconds(i)));

        Assert.Multiple(() =>
        {
            Assert.That(summary.P50Ms, Is.EqualTo(50).Within(1e-9));
            Assert.That(summary.P90Ms, Is.EqualTo(90).Within(1e-9));
            Assert.That(summary.P99Ms, Is.EqualTo(99).Within(1e-9));
            Assert.That(summary.MaxMs, Is.EqualTo(100).Within(1e-9));
            Assert.That(summary.MinMs, Is.EqualTo(1).Within(1e-9));
        });
    }

    [TestCase(0.0)]
    [TestCase(0.05)]
    [TestCase(0.25)]
    [TestCase(0.9)]
    public void AmdahlFit_ExactSyntheticSpeedups_RecoversTheSerialFraction(double serial)
    {
        var points = Enumerable.Range(1, 16).Select(n => ((double)n, 1 / (serial + ((1 - serial) / n))));

        AmdahlFit fit = AmdahlFit.Fit(points);

        Assert.Multiple(() =>
        {
            Assert.That(fit.SerialFraction, Is.EqualTo(serial).Within(1e-9));
            Assert.That(fit.RmsError, Is.LessThan(1e-9));
        });
    }

    [Test]
    public void AmdahlFit_NoisySyntheticSpeedups_RecoversTheSerialFractionClosely()
    {
        var random = new Random(42);
        var points = Enumerable.Range(1, 8).Select(n => ((double)n, (1 / (0.1 + (0.9 / n))) * (1 + ((random.NextDouble() - 0.5) * 0.04))));

        AmdahlFit fit = AmdahlFit.Fit(points);

        Assert.That(fit.SerialFraction, Is.EqualTo(0.1).Within(0.02));
        Assert.That(fit.MaxSpeedup, Is.EqualTo(10).Within(2.5));
    }

    [Test]
    public void AmdahlFit_OnlyOneThread_IsUndetermined() =>
        Assert.That(AmdahlFit.Fit([(1, 1)]).SerialFraction, Is.NaN);

    [Test]
    public void SvgChart_ThreeSeries_IsWellFormedWithOnePolylinePerSeries()
    {
        var chart = new SvgChart("Throughput <&> \"quotes\"", "threads", "ops/s")
            .Add("lock", [(1, 10), (2, 7), (4, 5)])
            .Add("Interlocked", [(1, 50), (2, 30), (4, 28)])
            .Add("fit", [(1, 1), (4, 3)], dashed: true);

        XDocument svg = XDocument.Parse(chart.ToSvg());
        XNamespace ns = "http://www.w3.org/2000/svg";

        Assert.Multiple(() =>
        {
            Assert.That(svg.Root!.Name, Is.EqualTo(ns + "svg"));
            Assert.That(svg.Descendants(ns + "polyline").Count(), Is.EqualTo(3));
            Assert.That(svg.Descendants(ns + "polyline").Select(p => p.Element(ns + "title")!.Value), Is.EqualTo(new[] { "lock", "Interlocked", "fit" }));
            Assert.That(svg.Descendants(ns + "text").Select(t => t.Value), Does.Contain("Throughput <&> \"quotes\""));
            Assert.That(svg.Descendants(ns + "circle").Count(), Is.EqualTo(6), "markers on the solid series only");
        });
    }

    [TestCase(0.7, 1)]
    [TestCase(3, 5)]
    [TestCase(12, 20)]
    [TestCase(4_100_000, 5_000_000)]
    public void SvgChart_NiceMax_RoundsUpToOneTwoFive(double value, double nice) =>
        Assert.That(SvgChart.NiceMax(value), Is.EqualTo(nice).Within(1e-9));

    [Test]
    public void TextTable_AlignsTextLeftAndNumbersRight()
    {
        string table = new TextTable("fix", ">ns").Add("lock", "31.0").Add("Interlocked", "8.6").ToString();

        Assert.That(table.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
        {
            "fix            ns",
            "-----------  ----",
            "lock         31.0",
            "Interlocked   8.6",
        }));
    }
}
