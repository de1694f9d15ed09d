using ScheduleExplorer.Stress.Child;

namespace ScheduleExplorer.Stress;

/// <summary>
/// The entry point of the Stress assembly as an executable: the child process of <c>schedex stress</c>
/// (<c>dotnet ScheduleExplorer.Stress.dll --child …</c>). It is not meant to be run by hand.
/// </summary>
internal static class StressProgram
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == ChildArguments.Flag)
        {
            return ChildHost.Run(args[1..]);
        }

        Console.Error.WriteLine("ScheduleExplorer.Stress runs the workloads of `schedex stress` in a child process; use `schedex stress --help`.");
        return 2;
    }
}
