using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Web;
using Microsoft.Win32.SafeHandles;

namespace Hub.Demo.Simulators;

/// <summary>
/// An in-process NHI system: serves the demo city's <c>nhi/insured.ndjson</c> as the paged API
/// <see cref="Hub.Adapters.Nhi.NhiApiAdapter"/> reads (<c>GET /nhi/v1/insured?updatedSince&amp;page&amp;pageSize</c>, items
/// ordered by updatedAt then atenaNumber, updatedSince inclusive, pages 1-based). Use it as the
/// adapter's handler. Faults can be injected for tests: HTTP errors and malformed pages.
/// Thread-safe.
/// </summary>
/// <remarks>
/// Served from a file (<see cref="FromDemo"/>), it keeps only an index in memory — each item's updatedAt,
/// atenaNumber and where its line lies in the file (about 100 bytes an item) — and reads a page's lines from the
/// file when the page is asked for, so its memory does not grow with the size of the items. Items given as text
/// (the constructor, <see cref="Add"/>) are held as given.
/// </remarks>
public sealed class NhiApiSimulator : HttpMessageHandler
{
    private static readonly Comparer<Entry> Comparer = Comparer<Entry>.Create(Compare);
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private readonly Lock _gate = new();
    private readonly List<Entry> _items = [];
    private readonly Dictionary<string, Entry> _byKey = new(StringComparer.Ordinal);
    private readonly string? _file;
    private int _failures;
    private HttpStatusCode _failureStatus = HttpStatusCode.InternalServerError;
    private int _malformed;

    /// <summary>Serves the given NDJSON lines (each one insured object); a later line for the same atenaNumber replaces an earlier one.</summary>
    public NhiApiSimulator(IEnumerable<string> ndjsonLines)
    {
        ArgumentNullException.ThrowIfNull(ndjsonLines);
        // Loaded in one pass and sorted once: a demo city's file has hundreds of thousands of lines.
        foreach (var line in ndjsonLines)
        {
            var bytes = Encoding.UTF8.GetBytes(line);
            var (updated, key) = Parse(bytes);
            _byKey[key] = new Entry(updated, key, 0, 0, bytes);
        }

        _items.AddRange(_byKey.Values);
        _items.Sort(Comparer);
    }

    private NhiApiSimulator(string file)
    {
        _file = file;
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var buffer = new byte[1 << 16];
        var line = new List<byte>(1024);
        long offset = 0;
        long lineStart = 0;
        int read;
        var first = true;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var at = 0;
            while (at < read)
            {
                var end = buffer.AsSpan(at, read - at).IndexOf((byte)'\n');
                if (end < 0)
                {
                    line.AddRange(buffer.AsSpan(at, read - at));
                    break;
                }

                line.AddRange(buffer.AsSpan(at, end));
                Index(CollectionsMarshal.AsSpan(line), lineStart, ref first);
                line.Clear();
                at += end + 1;
                lineStart = offset + at;
            }

            offset += read;
        }

        Index(CollectionsMarshal.AsSpan(line), lineStart, ref first);
        _items.AddRange(_byKey.Values);
        _items.Sort(Comparer);
    }

    /// <summary>Serves <c>nhi/insured.ndjson</c> of a demo city folder (or the given NDJSON file), reading pages from the file.</summary>
    public static NhiApiSimulator FromDemo(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = Directory.Exists(path) ? Path.Combine(path, "nhi", "insured.ndjson") : path;
        return new NhiApiSimulator(Path.GetFullPath(file));
    }

    /// <summary>Requests answered so far.</summary>
    public int RequestCount { get; private set; }

    /// <summary>Items held in memory as text (those given to the constructor or <see cref="Add"/>; a file's items are read when asked for).</summary>
    public int ItemsInMemory
    {
        get
        {
            lock (_gate)
            {
                return _items.Count(e => e.Json is not null);
            }
        }
    }

    /// <summary>Adds or replaces (by atenaNumber) one insured object, as the NHI system would on a change.</summary>
    public void Add(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var bytes = Encoding.UTF8.GetBytes(json);
        var (updated, key) = Parse(bytes);
        var entry = new Entry(updated, key, 0, 0, bytes);
        lock (_gate)
        {
            if (_byKey.TryGetValue(entry.Key, out var old))
            {
                _items.RemoveAt(_items.BinarySearch(old, Comparer));
            }

            _byKey[entry.Key] = entry;
            var at = _items.BinarySearch(entry, Comparer);
            _items.Insert(at < 0 ? ~at : at, entry);
        }
    }

    private void Index(Span<byte> line, long start, ref bool first)
    {
        if (first)
        {
            first = false;
            if (line.StartsWith(Utf8Bom))
            {
                line = line[3..];
                start += 3;
            }
        }

        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        if (line.Length == 0)
        {
            return;
        }

        var (updated, key) = Parse(line);
        _byKey[key] = new Entry(updated, key, start, line.Length, null);
    }

    private static (DateTimeOffset UpdatedAt, string Key) Parse(ReadOnlySpan<byte> json)
    {
        using var doc = JsonDocument.Parse(json.ToArray());
        var key = doc.RootElement.GetProperty("atenaNumber").GetString() ?? string.Empty;
        var updated = DateTimeOffset.Parse(doc.RootElement.GetProperty("updatedAt").GetString()!, CultureInfo.InvariantCulture);
        return (updated, key);
    }

    /// <summary>The next <paramref name="count"/> requests answer <paramref name="status"/> (default 500).</summary>
    public void FailNext(int count, HttpStatusCode status = HttpStatusCode.InternalServerError)
    {
        lock (_gate)
        {
            _failures = count;
            _failureStatus = status;
        }
    }

    /// <summary>The next <paramref name="count"/> pages are cut off in the middle (malformed JSON).</summary>
    public void MalformNext(int count)
    {
        lock (_gate)
        {
            _malformed = count;
        }
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            RequestCount++;
            if (_failures > 0)
            {
                _failures--;
                return Task.FromResult(new HttpResponseMessage(_failureStatus) { Content = new StringContent("{\"error\":\"simulated failure\"}") });
            }

            if (request.Method != HttpMethod.Get || request.RequestUri?.AbsolutePath != "/nhi/v1/insured")
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
            }

            var query = HttpUtility.ParseQueryString(request.RequestUri.Query);
            DateTimeOffset? since = null;
            if (query["updatedSince"] is { } s)
            {
                if (!DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    return Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadRequest));
                }

                since = parsed;
            }

            var page = int.TryParse(query["page"], CultureInfo.InvariantCulture, out var p) && p >= 1 ? p : 1;
            var size = int.TryParse(query["pageSize"], CultureInfo.InvariantCulture, out var z) && z is >= 1 and <= 5_000 ? z : 100;
            // The first item at or after `since`: the empty key sorts before every key of that instant.
            var start = since is { } t ? _items.BinarySearch(new Entry(t, string.Empty, 0, 0, null), Comparer) : 0;
            start = start < 0 ? ~start : start;
            var from = start + ((long)(page - 1) * size);
            var body = new MemoryStream();
            body.Write("{\"items\":["u8);
            using (var file = _file is null ? null : File.OpenHandle(_file, FileMode.Open, FileAccess.Read, FileShare.Read))
            {
                for (var i = from; i < Math.Min(_items.Count, from + size); i++)
                {
                    if (i > from)
                    {
                        body.WriteByte((byte)',');
                    }

                    WriteItem(body, _items[(int)i], file);
                }
            }

            body.Write("],\"nextPage\":"u8);
            body.Write(Encoding.ASCII.GetBytes(from + size < _items.Count ? (page + 1).ToString(CultureInfo.InvariantCulture) : "null"));
            body.WriteByte((byte)'}');
            var bytes = body.ToArray();
            if (_malformed > 0)
            {
                _malformed--;
                bytes = bytes[..(bytes.Length / 2)];
            }

            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        }
    }

    private static void WriteItem(MemoryStream body, Entry entry, SafeFileHandle? file)
    {
        if (entry.Json is { } json)
        {
            body.Write(json);
            return;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(entry.Length);
        try
        {
            var span = buffer.AsSpan(0, entry.Length);
            var done = 0;
            while (done < span.Length)
            {
                var n = RandomAccess.Read(file!, span[done..], entry.Offset + done);
                if (n == 0)
                {
                    throw new IOException("the NHI demo file changed while it was being served.");
                }

                done += n;
            }

            body.Write(span);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int Compare(Entry a, Entry b)
    {
        var byTime = a.UpdatedAt.CompareTo(b.UpdatedAt);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.Key, b.Key);
    }

    // One served item: its sort key, and either its text (given in memory) or where its line lies in the file.
    private sealed record Entry(DateTimeOffset UpdatedAt, string Key, long Offset, int Length, byte[]? Json);
}
