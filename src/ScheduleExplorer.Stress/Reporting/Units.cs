using System.Globalization;

namespace ScheduleExplorer.Stress.Reporting;

/// <summary>Number formats shared by the tables: rates with k/M/G, durations in ns/µs/ms/s.</summary>
public static class Units
{
    /// <summary>"12.3 M", "850 k", "42.0".</summary>
    public static string Rate(double perSecond) => perSecond switch
    {
        >= 1e9 => F($"{perSecond / 1e9:0.00} G"),
        >= 1e6 => F($"{perSecond / 1e6:0.0} M"),
        >= 1e3 => F($"{perSecond / 1e3:0.0} k"),
        _ => F($"{perSecond:0.0}"),
    };

    /// <summary>A duration given in nanoseconds, in the unit that reads best.</summary>
    public static string Nanoseconds(double nanoseconds) => nanoseconds switch
    {
        >= 1e9 => F($"{nanoseconds / 1e9:0.00} s"),
        >= 1e6 => F($"{nanoseconds / 1e6:0.0} ms"),
        >= 1e4 => F($"{nanoseconds / 1e3:0.0} µs"),
        >= 10 => F($"{nanoseconds:0.0} ns"),
        _ => F($"{nanoseconds:0.00} ns"),
    };

    /// <summary>"1.23×".</summary>
    public static string Ratio(double ratio) => F($"{ratio:0.00}×");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
