using System.Buffers;

using Hub.Adapters.Csv;

namespace Hub.Adapters.Tests.Csv;

/// <summary>
/// The straightforward byte-at-a-time record splitter the fast <see cref="CsvRecordReader"/> is checked against
/// (the original, kept verbatim). Splits a byte stream into RFC 4180 records without decoding it: a quoted field may hold commas and
/// line breaks. Works for UTF-8 and for CP932/EUC-JP, whose multi-byte characters never contain the bytes
/// of <c>"</c>, CR or LF. Streams: memory is bounded by the longest record.
/// </summary>
internal sealed class ReferenceCsvRecordReader(Stream stream)
{
    private const int BufferSize = 1 << 16;

    /// <summary>Reads every record; a trailing empty line is not a record.</summary>
    public async IAsyncEnumerable<CsvRecord> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var record = new ArrayBufferWriter<byte>(1024);
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
                for (var i = 0; i < read; i++)
                {
                    var b = buffer[i];
                    if (pendingCr)
                    {
                        pendingCr = false;
                        if (b == (byte)'\n')
                        {
                            start = i + 1;
                            continue;
                        }
                    }

                    if (b == (byte)'"')
                    {
                        inQuotes = !inQuotes;
                    }
                    else if (!inQuotes && (b == (byte)'\n' || b == (byte)'\r'))
                    {
                        record.Write(buffer.AsSpan(start, i - start));
                        if (record.WrittenCount > 0)
                        {
                            yield return new CsvRecord(recordLine, record.WrittenSpan.ToArray());
                        }

                        record.Clear();
                        line++;
                        recordLine = line;
                        pendingCr = b == (byte)'\r';
                        start = i + 1;
                    }
                    else if (b == (byte)'\n')
                    {
                        line++;
                    }
                }

                record.Write(buffer.AsSpan(start, read - start));
            }

            if (record.WrittenCount > 0)
            {
                yield return new CsvRecord(recordLine, record.WrittenSpan.ToArray());
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
