using System.Globalization;
using System.Security;
using System.Text;

namespace ScheduleExplorer.Stress.Reporting;

/// <summary>
/// A small line chart written as SVG by hand: axes from zero with "nice" ticks, axis labels, a title, a
/// legend, and one polyline (with point markers) per series. Enough for throughput or speedup against threads.
/// </summary>
public sealed class SvgChart
{
    private const double PlotWidth = 520;
    private const double Height = 460;
    private const double Left = 80;
    private const double Top = 50;
    private const double Bottom = 60;

    private static readonly string[] s_palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"];

    private readonly List<Series> _series = [];

    /// <summary>Creates a chart.</summary>
    public SvgChart(string title, string xLabel, string yLabel)
    {
        Title = title;
        XLabel = xLabel;
        YLabel = yLabel;
    }

    /// <summary>The title, above the plot.</summary>
    public string Title { get; }

    /// <summary>The horizontal axis's label.</summary>
    public string XLabel { get; }

    /// <summary>The vertical axis's label.</summary>
    public string YLabel { get; }

    /// <summary>Draws the vertical axis in powers of ten, for series that differ by orders of magnitude.</summary>
    public bool LogarithmicY { get; init; }

    /// <summary>Number of series added.</summary>
    public int SeriesCount => _series.Count;

    /// <summary>Adds a series; <paramref name="dashed"/> draws it dashed without markers (a fitted curve, a reference).</summary>
    public SvgChart Add(string name, IEnumerable<(double X, double Y)> points, bool dashed = false)
    {
        ArgumentNullException.ThrowIfNull(points);
        List<(double X, double Y)> list = [.. points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).OrderBy(p => p.X)];
        _series.Add(new Series(name, list, dashed));
        return this;
    }

    /// <summary>Writes the chart to <paramref name="path"/>.</summary>
    public void Save(string path) => File.WriteAllText(path, ToSvg(), new UTF8Encoding(false));

    /// <summary>The chart as an SVG document.</summary>
    public string ToSvg()
    {
        var all = _series.SelectMany(s => s.Points).ToList();
        double xMax = NiceMax(all.Count == 0 ? 1 : all.Max(p => p.X));
        double yMax = NiceMax(all.Count == 0 ? 1 : all.Max(p => p.Y));
        List<double> positive = [.. all.Select(p => p.Y).Where(y => y > 0)];
        double decadeLow = positive.Count == 0 ? 0 : Math.Floor(Math.Log10(positive.Min()));
        double decadeHigh = positive.Count == 0 ? 1 : Math.Max(decadeLow + 1, Math.Ceiling(Math.Log10(positive.Max())));
        double plotWidth = PlotWidth;
        double plotHeight = Height - Top - Bottom;
        double legendWidth = 50 + (7.2 * _series.Select(s => s.Name.Length).DefaultIfEmpty(0).Max());
        double width = Left + plotWidth + legendWidth;
        double right = legendWidth;
        double X(double x) => Left + (x / xMax * plotWidth);
        double Y(double y) => LogarithmicY
            ? Top + plotHeight - ((Math.Log10(Math.Max(y, Math.Pow(10, decadeLow))) - decadeLow) / (decadeHigh - decadeLow) * plotHeight)
            : Top + plotHeight - (y / yMax * plotHeight);
        IEnumerable<double> yTicks = LogarithmicY
            ? Enumerable.Range((int)decadeLow, (int)(decadeHigh - decadeLow) + 1).Select(d => Math.Pow(10, d))
            : Ticks(yMax);

        var svg = new StringBuilder();
        svg.AppendLine(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{Height}\" viewBox=\"0 0 {width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">"));
        svg.AppendLine(F($"<rect width=\"{width}\" height=\"{Height}\" fill=\"white\"/>"));
        svg.AppendLine(F($"<text x=\"{width / 2}\" y=\"28\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\">{E(Title)}</text>"));

        foreach (double tick in Ticks(xMax))
        {
            svg.AppendLine(F($"<line x1=\"{X(tick):0.#}\" y1=\"{Top}\" x2=\"{X(tick):0.#}\" y2=\"{Top + plotHeight}\" stroke=\"#eeeeee\"/>"));
            svg.AppendLine(F($"<text x=\"{X(tick):0.#}\" y=\"{Top + plotHeight + 18}\" text-anchor=\"middle\">{Label(tick)}</text>"));
        }

        foreach (double tick in yTicks)
        {
            svg.AppendLine(F($"<line x1=\"{Left}\" y1=\"{Y(tick):0.#}\" x2=\"{Left + plotWidth}\" y2=\"{Y(tick):0.#}\" stroke=\"#eeeeee\"/>"));
            svg.AppendLine(F($"<text x=\"{Left - 8}\" y=\"{Y(tick) + 4:0.#}\" text-anchor=\"end\">{Label(tick)}</text>"));
        }

        svg.AppendLine(F($"<line x1=\"{Left}\" y1=\"{Top + plotHeight}\" x2=\"{Left + plotWidth}\" y2=\"{Top + plotHeight}\" stroke=\"black\"/>"));
        svg.AppendLine(F($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Top + plotHeight}\" stroke=\"black\"/>"));
        svg.AppendLine(F($"<text x=\"{Left + (plotWidth / 2)}\" y=\"{Height - 15}\" text-anchor=\"middle\">{E(XLabel)}</text>"));
        svg.AppendLine(F($"<text x=\"18\" y=\"{Top + (plotHeight / 2)}\" text-anchor=\"middle\" transform=\"rotate(-90 18 {Top + (plotHeight / 2)})\">{E(YLabel)}</text>"));

        for (int i = 0; i < _series.Count; i++)
        {
            Series series = _series[i];
            string color = s_palette[i % s_palette.Length];
            string points = string.Join(' ', series.Points.Select(p => F($"{X(p.X):0.##},{Y(p.Y):0.##}")));
            string dash = series.Dashed ? " stroke-dasharray=\"6 4\"" : string.Empty;
            svg.AppendLine(F($"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"{dash} points=\"{points}\"><title>{E(series.Name)}</title></polyline>"));
            if (!series.Dashed)
            {
                foreach ((double x, double y) in series.Points)
                {
                    svg.AppendLine(F($"<circle cx=\"{X(x):0.##}\" cy=\"{Y(y):0.##}\" r=\"3.5\" fill=\"{color}\"/>"));
                }
            }

            double legendY = Top + 10 + (i * 20);
            double legendX = width - right + 15;
            svg.AppendLine(F($"<line x1=\"{legendX}\" y1=\"{legendY}\" x2=\"{legendX + 22}\" y2=\"{legendY}\" stroke=\"{color}\" stroke-width=\"2\"{dash}/>"));
            svg.AppendLine(F($"<text x=\"{legendX + 28}\" y=\"{legendY + 4}\">{E(series.Name)}</text>"));
        }

        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    /// <summary>The smallest 1, 2, 2.5 or 5 × 10^k at or above <paramref name="value"/>.</summary>
    internal static double NiceMax(double value)
    {
        if (value <= 0)
        {
            return 1;
        }

        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (double step in (double[])[1, 2, 2.5, 5, 10])
        {
            if (step * magnitude >= value * 0.999999)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static IEnumerable<double> Ticks(double max)
    {
        const int count = 5;
        for (int i = 0; i <= count; i++)
        {
            yield return max * i / count;
        }
    }

    private static string Label(double value) => Math.Abs(value) switch
    {
        > 0 and < 0.01 => F($"{value:G2}"),
        >= 1e9 => F($"{value / 1e9:0.##}G"),
        >= 1e6 => F($"{value / 1e6:0.##}M"),
        >= 1e4 => F($"{value / 1e3:0.##}k"),
        _ => F($"{value:0.##}"),
    };

    private static string E(string text) => SecurityElement.Escape(text) ?? string.Empty;

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Series(string Name, List<(double X, double Y)> Points, bool Dashed);
}
