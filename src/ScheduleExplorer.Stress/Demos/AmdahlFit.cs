namespace ScheduleExplorer.Stress.Demos;

/// <summary>
/// Amdahl's law fitted to measured speedups: speedup(n) = 1 / (s + (1 − s) / n), with s the serial fraction.
/// Least squares on the linear form 1/speedup − 1/n = s · (1 − 1/n), so s has a closed form.
/// </summary>
/// <param name="SerialFraction">The fitted serial fraction s, in [0, 1] (NaN with no point above one thread).</param>
/// <param name="RmsError">Root mean square error of the fitted speedups against the measured ones.</param>
/// <param name="Points">The number of points fitted.</param>
public sealed record AmdahlFit(double SerialFraction, double RmsError, int Points)
{
    /// <summary>The speedup the fitted law predicts on <paramref name="threads"/> threads.</summary>
    public double Speedup(double threads) => 1 / (SerialFraction + ((1 - SerialFraction) / threads));

    /// <summary>The limit as threads grow: 1 / s.</summary>
    public double MaxSpeedup => SerialFraction > 0 ? 1 / SerialFraction : double.PositiveInfinity;

    /// <summary>Fits s to (threads, speedup) points; one-thread points carry no information and are harmless.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A point has fewer than one thread or a non-positive speedup.</exception>
    public static AmdahlFit Fit(IEnumerable<(double Threads, double Speedup)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        List<(double Threads, double Speedup)> list = [.. points];
        double numerator = 0;
        double denominator = 0;
        foreach ((double threads, double speedup) in list)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speedup);
            double x = 1 / threads;
            double y = 1 / speedup;
            numerator += (1 - x) * (y - x);
            denominator += (1 - x) * (1 - x);
        }

        if (denominator == 0)
        {
            return new AmdahlFit(double.NaN, double.NaN, list.Count);
        }

        double serial = Math.Clamp(numerator / denominator, 0, 1);
        var fit = new AmdahlFit(serial, 0, list.Count);
        double rms = Math.Sqrt(list.Average(p => Math.Pow(fit.Speedup(p.Threads) - p.Speedup, 2)));
        return fit with { RmsError = rms };
    }
}
