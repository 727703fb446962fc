using System.Buffers;

namespace Hub.Adapters.Csv;

/// <summary>
/// Splits a byte stream into RFC 4180 records without decoding it: a quoted field may hold commas and
/// line breaks. Works for UTF-8 and for CP932/EUC-JP, whose multi-byte characters never contain the bytes
/// of <c>"</c>, CR or LF. Streams: memory is bounded by the longest record.
/// </summary>
/// <remarks>
/// The buffer is searched for the next quote or line end with vectorized searches rather than byte by
/// byte; a record that lies wholly inside one buffer is copied out once (its <see cref="CsvRecord.Raw"/>).
/// A line end is LF, CRLF or a lone CR; one inside quotes belongs to the field (an LF there still counts a line).
/// </remarks>
public sealed class CsvRecordReader(Stream stream)
{
    private const int BufferSize = 1 << 16;
    private static readonly SearchValues<byte> Outside = SearchValues.Create("\"\r\n"u8);
    private static readonly SearchValues<byte> Inside = SearchValues.Create("\"\n"u8);

    /// <summary>Reads every record; a trailing empty line is not a record.</summary>
    public async IAsyncEnumerable<CsvRecord> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var carried = new ArrayBufferWriter<byte>(1024); // the start of a record that began in an earlier buffer
        long line = 1;
        long recordLine = 1;
        var inQuotes = false;
        var pendingCr = false;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(0, BufferSize), ct).ConfigureAwait(false)) > 0)
            {
                var start = 0;
                var i = 0;
                if (pendingCr)
                {
                    pendingCr = false;
                    if (buffer[0] == (byte)'\n')
                    {
                        start = i = 1;
                    }
                }

                while ((i = Next(buffer, i, read, inQuotes)) >= 0)
                {
                    var b = buffer[i];
                    if (b == (byte)'"')
                    {
                        inQuotes = !inQuotes;
                        i++;
                        continue;
                    }

                    if (inQuotes)
                    {
                        line++; // an LF inside a quoted field
                        i++;
                        continue;
                    }

                    var raw = Take(carried, buffer, start, i);
                    if (raw is not null)
                    {
                        yield return new CsvRecord(recordLine, raw);
                    }

                    line++;
                    recordLine = line;
                    start = ++i;
                    if (b == (byte)'\r')
                    {
                        if (i == read)
                        {
                            pendingCr = true;
                        }
                        else if (buffer[i] == (byte)'\n')
                        {
                            start = ++i;
                        }
                    }
                }

                carried.Write(buffer.AsSpan(start, read - start));
            }

            if (carried.WrittenCount > 0)
            {
                yield return new CsvRecord(recordLine, carried.WrittenSpan.ToArray());
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The index of the next byte that matters from <paramref name="from"/>, or -1 when the buffer holds none.</summary>
    private static int Next(byte[] buffer, int from, int read, bool inQuotes)
    {
        if (from >= read)
        {
            return -1;
        }

        var at = buffer.AsSpan(from, read - from).IndexOfAny(inQuotes ? Inside : Outside);
        return at < 0 ? -1 : from + at;
    }

    /// <summary>The record ending at <paramref name="end"/> (carried bytes first), or null when it is empty.</summary>
    private static byte[]? Take(ArrayBufferWriter<byte> carried, byte[] buffer, int start, int end)
    {
        if (carried.WrittenCount == 0)
        {
            return end > start ? buffer.AsSpan(start, end - start).ToArray() : null;
        }

        carried.Write(buffer.AsSpan(start, end - start));
        var raw = carried.WrittenSpan.ToArray();
        carried.Clear();
        return raw;
    }
}
