using BenchmarkDotNet.Running;

namespace ScheduleExplorer.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project tools/ScheduleExplorer.Benchmarks -- --filter '*'</c>.
/// Every class reports its rows in one run, so ratios between rows are meaningful on a noisy machine.
/// </summary>
internal static class Program
{
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
