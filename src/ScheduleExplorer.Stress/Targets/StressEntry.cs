using System.Reflection;
using System.Runtime.ExceptionServices;
using ScheduleExplorer.Common;
using ScheduleExplorer.Stress.Running;

using ScheduleExplorer.Testing;

namespace ScheduleExplorer.Stress.Targets;

/// <summary>
/// A workload entry of an un-rewritten assembly, ready to repeat: a public method taking no parameters or
/// (threads, size), returning void or Task. When the assembly offers a counting companion for it (see
/// <see cref="StressEntryResolver"/>), each repetition calls that instead and reports the count, so lost
/// updates are measured rather than parsed from a message.
/// </summary>
public sealed class StressEntry : IStressWorkload
{
    private readonly MethodInfo _method;
    private readonly object?[] _arguments;
    private readonly CountingCompanion? _counter;
    private readonly FixtureLifecycle _fixture;

    internal StressEntry(MethodInfo method, int? threads, int? size, CountingCompanion? counter)
    {
        _method = method;
        Threads = threads;
        Size = size;
        _arguments = threads is { } t && size is { } s ? [t, s] : [];
        _counter = counter;
        _fixture = FixtureLifecycle.Of(method.DeclaringType!);
        string fullName = EntryPoints.FullName(method);
        Name = _arguments.Length == 0 ? fullName : $"{fullName}({threads}, {size})";
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The threads argument of a sized entry, or null.</summary>
    public int? Threads { get; }

    /// <summary>The size argument of a sized entry, or null.</summary>
    public int? Size { get; }

    /// <summary>True when repetitions go through the assembly's counting companion.</summary>
    public bool IsCounted => _counter is not null;

    /// <summary>The simple name of the workload's assembly.</summary>
    public string AssemblyName => _method.DeclaringType!.Assembly.GetName().Name!;

    /// <inheritdoc />
    public long? OperationsPerRepetition => Threads is { } threads && Size is { } size ? (long)threads * size : null;

    /// <inheritdoc />
    /// <exception cref="StressInputException">The workload rejected its arguments (an <see cref="ArgumentException"/>).</exception>
    public RepetitionOutcome Run()
    {
        try
        {
            if (_counter is { } counter)
            {
                return RepetitionOutcome.FromCount(counter.Expected(Threads!.Value, Size!.Value), counter.Count(Threads!.Value, Size!.Value));
            }

            // Every repetition is a fresh NUnit fixture: its set-ups and tear-downs run around it.
            object? instance = _method.IsStatic ? null : Activator.CreateInstance(_method.DeclaringType!);
            _fixture.Run(instance, () => Invoke(_method, instance, _arguments), static (result, _) => (result as Task)?.GetAwaiter().GetResult());
            return RepetitionOutcome.Held;
        }
        catch (ArgumentException e)
        {
            throw new StressInputException($"{Name} rejected its arguments: {FirstLine(e.Message)}", e);
        }
        catch (Exception e)
        {
            return RepetitionOutcome.Failed($"{e.GetType().Name}: {FirstLine(e.Message)}");
        }
    }

    /// <summary>Invokes <paramref name="method"/>, unwrapping reflection's exception and waiting for a returned task.</summary>
    internal static object? Invoke(MethodInfo method, object? instance, object?[] arguments)
    {
        object? result = EntryPoints.Invoke(method, instance, arguments);
        if (result is Task task)
        {
            // A real run supports async entries: they run on the real thread pool.
            task.GetAwaiter().GetResult();
        }

        return result;
    }

    private static string FirstLine(string message) =>
        message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? message;
}
