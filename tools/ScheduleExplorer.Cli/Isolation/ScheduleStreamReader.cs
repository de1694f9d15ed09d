using System.Buffers.Binary;
using ScheduleExplorer.Runtime;
using static ScheduleExplorer.Cli.Isolation.ScheduleStreamLayout;

namespace ScheduleExplorer.Cli.Isolation;

/// <summary>The parent's side of an isolated run: reads what the child streamed, after it ended.</summary>
internal static class ScheduleStreamReader
{
    /// <summary>Creates the stream file, of <see cref="ScheduleStreamLayout.FileSize"/> bytes (sparse), readable by this user only.</summary>
    public static void Create(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        stream.SetLength(FileSize);
    }

    /// <summary>Reads the stream at <paramref name="path"/>.</summary>
    public static StreamedSchedule Read(string path)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
        var header = new byte[HeaderSize];
        RandomAccess.Read(file, header, 0);
        long stepsLength = Math.Clamp(BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(StepsLengthAt)), 0, StepsCapacity);
        long stringsLength = Math.Clamp(BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(StringsLengthAt)), 0, StringsCapacity);
        List<string> strings = ReadStrings(file, stringsLength);
        string Text(int id) => id >= 0 && id < strings.Count ? strings[id] : "?";
        var records = new byte[stepsLength - (stepsLength % RecordSize)];
        RandomAccess.Read(file, records, StepsAt);
        var operations = new List<string>();
        var steps = new List<ScheduleStep>();
        for (int at = 0; at < records.Length; at += RecordSize)
        {
            var record = records.AsSpan(at, RecordSize);
            int by = BinaryPrimitives.ReadInt32LittleEndian(record[4..]);
            int site = BinaryPrimitives.ReadInt32LittleEndian(record[16..]);
            if (record[0] == OperationTag)
            {
                while (operations.Count <= by)
                {
                    operations.Add($"operation {operations.Count}");
                }

                operations[by] = Text(site);
                continue;
            }

            int target = BinaryPrimitives.ReadInt32LittleEndian(record[20..]);
            steps.Add(new ScheduleStep(
                (SchedulingPointKind)record[1],
                by,
                BinaryPrimitives.ReadInt32LittleEndian(record[8..]),
                BinaryPrimitives.ReadInt32LittleEndian(record[12..]),
                site < 0 ? null : Text(site),
                target < 0 ? null : Text(target)));
        }

        var names = header.AsSpan(RunNamesAt);
        return new StreamedSchedule
        {
            Started = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(StartedAt)) == 1,
            Finished = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(FinishedAt)) == 1,
            Overflowed = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(OverflowAt)) == 1,
            Assembly = Text(BinaryPrimitives.ReadInt32LittleEndian(names)),
            Method = Text(BinaryPrimitives.ReadInt32LittleEndian(names[4..])),
            Strategy = Text(BinaryPrimitives.ReadInt32LittleEndian(names[8..])),
            Mvid = new Guid(header.AsSpan(MvidAt, 16)),
            Iteration = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(IterationAt)),
            Operations = operations,
            Steps = steps,
        };
    }

    private static List<string> ReadStrings(Microsoft.Win32.SafeHandles.SafeFileHandle file, long length)
    {
        var bytes = new byte[length];
        RandomAccess.Read(file, bytes, StringsAt);
        var strings = new List<string>();
        for (int at = 0; at + 4 <= bytes.Length;)
        {
            int count = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at));
            if (count < 0 || at + 4 + (2L * count) > bytes.Length)
            {
                break;
            }

            strings.Add(new string(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, char>(bytes.AsSpan(at + 4, 2 * count))));
            at += 4 + (2 * count);
        }

        return strings;
    }
}
