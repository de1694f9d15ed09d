using System.Globalization;

namespace ScheduleExplorer.Traces;

/// <summary>Bounded reads of trace input: regular files only, never more bytes than a limit.</summary>
internal static class TraceFiles
{
    /// <summary>
    /// The bytes of the regular file <paramref name="path"/>, at most <paramref name="limit"/> of them.
    /// A FIFO, a socket or a device reports a length of 0 and is refused before it is opened (opening
    /// a FIFO blocks until a writer comes; reading <c>/dev/zero</c> never ends).
    /// </summary>
    /// <exception cref="TraceFormatException">The path is missing, a folder, not a regular file, empty or too large.</exception>
    public static byte[] ReadBounded(string path, long limit)
    {
        var file = new FileInfo(path);
        if (Directory.Exists(path))
        {
            throw new TraceFormatException($"the trace path is a folder, not a file: {path}");
        }

        if (!file.Exists)
        {
            throw new TraceFormatException($"trace file not found: {path}");
        }

        long length = file.Length;
        if (length == 0)
        {
            throw new TraceFormatException($"{path} is empty or not a regular file (a device, FIFO or socket is not read).");
        }

        if (length > limit)
        {
            throw new TraceFormatException(string.Create(CultureInfo.InvariantCulture, $"{path} is {length:N0} bytes, more than the {limit:N0} a trace may have."));
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            return ReadAtMost(stream, limit, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TraceFormatException($"cannot read the trace {path}: {e.Message}", e);
        }
    }

    /// <summary>Reads <paramref name="stream"/> to its end, refusing more than <paramref name="limit"/> bytes.</summary>
    /// <exception cref="TraceFormatException">The stream holds more than <paramref name="limit"/> bytes.</exception>
    public static byte[] ReadAtMost(Stream stream, long limit, string what)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new TraceFormatException(string.Create(CultureInfo.InvariantCulture, $"{what} holds more than the {limit:N0} bytes a trace may have."));
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
