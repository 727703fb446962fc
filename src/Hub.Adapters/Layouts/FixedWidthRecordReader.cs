using System.Buffers;
using System.Runtime.CompilerServices;
using Hub.Adapters.Csv;

namespace Hub.Adapters.Layouts;

/// <summary>
/// Splits a fixed-width export into records: at LF (an optional CR before it is dropped) or, for layouts
/// without line ends, every <c>recordLength</c> bytes. Works for CP932 and EUC-JP, whose multi-byte
/// characters never contain CR or LF. The record number is the line number.
/// </summary>
internal static class FixedWidthRecordReader
{
    public static async IAsyncEnumerable<CsvRecord> ReadAsync(Stream stream, int recordLength, bool lineEnds, [EnumeratorCancellation] CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        var record = new ArrayBufferWriter<byte>(Math.Max(recordLength, 16));
        long line = 1;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(0, 1 << 16), ct).ConfigureAwait(false)) > 0)
            {
                for (var i = 0; i < read; i++)
                {
                    var b = buffer[i];
                    if (lineEnds && b == (byte)'\n')
                    {
                        var span = record.WrittenSpan;
                        if (span.Length > 0 && span[^1] == (byte)'\r')
                        {
                            span = span[..^1];
                        }

                        yield return new CsvRecord(line++, span.ToArray());
                        record.Clear();
                        continue;
                    }

                    record.Write([b]);
                    if (!lineEnds && record.WrittenCount == recordLength)
                    {
                        yield return new CsvRecord(line++, record.WrittenSpan.ToArray());
                        record.Clear();
                    }
                }
            }

            if (record.WrittenCount > 0)
            {
                var span = record.WrittenSpan;
                if (lineEnds && span[^1] == (byte)'\r')
                {
                    span = span[..^1];
                }

                yield return new CsvRecord(line, span.ToArray());
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
