using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Web;

namespace Hub.Adapters.Nhi;

/// <summary>
/// An in-process NHI system: serves the demo city's <c>nhi/insured.ndjson</c> as the paged API
/// <see cref="NhiApiAdapter"/> reads (<c>GET /nhi/v1/insured?updatedSince&amp;page&amp;pageSize</c>, items
/// ordered by updatedAt then atenaNumber, updatedSince inclusive, pages 1-based). Use it as the
/// adapter's handler. Faults can be injected for tests: HTTP errors and malformed pages.
/// Thread-safe.
/// </summary>
public sealed class NhiApiSimulator : HttpMessageHandler
{
    private readonly Lock _gate = new();
    private static readonly Comparer<(DateTimeOffset UpdatedAt, string Key, string Json)> Comparer = Comparer<(DateTimeOffset UpdatedAt, string Key, string Json)>.Create(Compare);
    private readonly List<(DateTimeOffset UpdatedAt, string Key, string Json)> _items = [];
    private readonly Dictionary<string, (DateTimeOffset UpdatedAt, string Key, string Json)> _byKey = new(StringComparer.Ordinal);
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
            var entry = Parse(line);
            _byKey[entry.Key] = entry;
        }

        _items.AddRange(_byKey.Values);
        _items.Sort(Comparer);
    }

    /// <summary>Serves <c>nhi/insured.ndjson</c> of a demo city folder (or the given NDJSON file).</summary>
    public static NhiApiSimulator FromDemo(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = Directory.Exists(path) ? Path.Combine(path, "nhi", "insured.ndjson") : path;
        return new NhiApiSimulator(File.ReadLines(file).Where(l => l.Length > 0));
    }

    /// <summary>Requests answered so far.</summary>
    public int RequestCount { get; private set; }

    /// <summary>Adds or replaces (by atenaNumber) one insured object, as the NHI system would on a change.</summary>
    public void Add(string json)
    {
        var entry = Parse(json);
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

    private static (DateTimeOffset UpdatedAt, string Key, string Json) Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var doc = JsonDocument.Parse(json);
        var key = doc.RootElement.GetProperty("atenaNumber").GetString() ?? string.Empty;
        var updated = DateTimeOffset.Parse(doc.RootElement.GetProperty("updatedAt").GetString()!, CultureInfo.InvariantCulture);
        return (updated, key, json);
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
            var start = since is { } t ? _items.BinarySearch((t, string.Empty, string.Empty), Comparer) : 0;
            start = start < 0 ? ~start : start;
            var from = start + ((long)(page - 1) * size);
            var sb = new StringBuilder("{\"items\":[");
            for (var i = from; i < Math.Min(_items.Count, from + size); i++)
            {
                sb.Append(i > from ? "," : string.Empty).Append(_items[(int)i].Json);
            }

            sb.Append("],\"nextPage\":").Append(from + size < _items.Count ? (page + 1).ToString(CultureInfo.InvariantCulture) : "null").Append('}');
            var body = sb.ToString();
            if (_malformed > 0)
            {
                _malformed--;
                body = body[..(body.Length / 2)];
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }

    private static int Compare((DateTimeOffset UpdatedAt, string Key, string Json) a, (DateTimeOffset UpdatedAt, string Key, string Json) b)
    {
        var byTime = a.UpdatedAt.CompareTo(b.UpdatedAt);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.Key, b.Key);
    }
}
