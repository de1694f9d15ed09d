using System.IO.MemoryMappedFiles;
using System.Runtime.CompilerServices;
using ScheduleExplorer.Runtime;
using static ScheduleExplorer.Cli.Isolation.ScheduleStreamLayout;

namespace ScheduleExplorer.Cli.Isolation;

/// <summary>
/// The child's side of an isolated run: writes every step into the mapped stream file as it is
/// taken (a few stores, no system call), so the parent can rebuild the trace after a crash.
/// </summary>
internal sealed unsafe class ScheduleStreamWriter : IScheduleSink, IDisposable
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _base;
    private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
    private long _stringsLength;
    private long _stepsLength;

    /// <summary>Maps <paramref name="path"/>, a file the parent created with <see cref="ScheduleStreamLayout.FileSize"/> bytes.</summary>
    public ScheduleStreamWriter(string path)
    {
        _file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, mapName: null, FileSize, MemoryMappedFileAccess.ReadWrite);
        _view = _file.CreateViewAccessor(0, FileSize, MemoryMappedFileAccess.ReadWrite);
        byte* pointer = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _base = pointer + _view.PointerOffset;
        for (int i = 0; i < 3; i++)
        {
            Unsafe.WriteUnaligned(_base + RunNamesAt + (4 * i), -1);
        }
    }

    /// <inheritdoc/>
    public void RunStarting(string assembly, Guid mvid, string method, string strategy)
    {
        Unsafe.WriteUnaligned(_base + RunNamesAt, Intern(assembly));
        Unsafe.WriteUnaligned(_base + RunNamesAt + 4, Intern(method));
        Unsafe.WriteUnaligned(_base + RunNamesAt + 8, Intern(strategy));
        mvid.TryWriteBytes(new Span<byte>(_base + MvidAt, 16));
        Volatile.Write(ref Unsafe.AsRef<int>(_base + StartedAt), 1);
    }

    /// <inheritdoc/>
    public void IterationStarting(int iteration) => Unsafe.WriteUnaligned(_base + IterationAt, iteration);

    /// <inheritdoc/>
    public void ScheduleStarting()
    {
        _stepsLength = 0;
        Volatile.Write(ref Unsafe.AsRef<long>(_base + StepsLengthAt), 0L);
    }

    /// <inheritdoc/>
    public void OperationCreated(int id, string name) => Append(OperationTag, 0, id, 0, 0, Intern(name), -1);

    /// <inheritdoc/>
    public void StepRecorded(in ScheduleStep step) =>
        Append(StepTag, (byte)step.Kind, step.By, step.Next, step.Value, Intern(step.Site), Intern(step.Target));

    /// <summary>Marks the run as ended by the command itself, not by a crash.</summary>
    public void MarkFinished() => Volatile.Write(ref Unsafe.AsRef<int>(_base + FinishedAt), 1);

    /// <inheritdoc/>
    public void Dispose()
    {
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
    }

    private void Append(byte tag, byte kind, int by, int next, int value, int site, int target)
    {
        long at = _stepsLength;
        if (at + RecordSize > StepsCapacity)
        {
            Unsafe.WriteUnaligned(_base + OverflowAt, 1);
            return;
        }

        byte* record = _base + StepsAt + at;
        record[0] = tag;
        record[1] = kind;
        Unsafe.WriteUnaligned(record + 4, by);
        Unsafe.WriteUnaligned(record + 8, next);
        Unsafe.WriteUnaligned(record + 12, value);
        Unsafe.WriteUnaligned(record + 16, site);
        Unsafe.WriteUnaligned(record + 20, target);
        _stepsLength = at + RecordSize;
        Volatile.Write(ref Unsafe.AsRef<long>(_base + StepsLengthAt), _stepsLength);
    }

    private int Intern(string? text)
    {
        if (text is null)
        {
            return -1;
        }

        if (_strings.TryGetValue(text, out int id))
        {
            return id;
        }

        long size = 4 + (2L * text.Length);
        if (_stringsLength + size > StringsCapacity)
        {
            Unsafe.WriteUnaligned(_base + OverflowAt, 1);
            return -1;
        }

        byte* at = _base + StringsAt + _stringsLength;
        Unsafe.WriteUnaligned(at, text.Length);
        text.AsSpan().CopyTo(new Span<char>(at + 4, text.Length));
        _stringsLength += size;
        Volatile.Write(ref Unsafe.AsRef<long>(_base + StringsLengthAt), _stringsLength);
        id = _strings.Count;
        _strings.Add(text, id);
        return id;
    }
}
