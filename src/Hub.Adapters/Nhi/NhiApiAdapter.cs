using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Hub.Adapters.Layouts;
using Hub.Adapters.Sdk;

namespace Hub.Adapters.Nhi;

/// <summary>
/// Reads the 国民健康保険 system's paged JSON API: <c>GET /nhi/v1/insured?updatedSince=…&amp;page=…&amp;pageSize=…</c>
/// answering <c>{"items": [...], "nextPage": n | null}</c>, items ordered by (updatedAt, atenaNumber),
/// updatedSince inclusive. One page is one batch. An item that does not map is rejected with its page and
/// position; a page that is not JSON or an HTTP error throws <see cref="SourceReadException"/>
/// (transient for 5xx, 408, 429 and network failures).
/// </summary>
public sealed class NhiApiAdapter : IDeltaSource, ISnapshotSource, ISourceHealth, IDisposable
{
    private static readonly SocketsHttpHandler SharedHandler = new() { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
    private readonly NhiApiOptions _options;
    private readonly HttpClient _http;
    private readonly RecordConverter _converter;

    /// <summary>Creates the adapter; throws <see cref="AdapterOptionsException"/> listing every problem.</summary>
    public NhiApiAdapter(NhiApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid("nhi");
        _options = options;
        var handler = options.CreateHandler?.Invoke();
        _http = handler is null ? new HttpClient(SharedHandler, disposeHandler: false) : new HttpClient(handler, disposeHandler: true);
        _http.BaseAddress = options.BaseAddress;
        _http.Timeout = options.Timeout;
        _converter = NhiItemMapping.Converter(options.VerifyCheckDigits);
    }

    /// <inheritdoc />
    public string Describe(Watermark watermark)
    {
        var w = NhiWatermark.Parse(watermark);
        return w.Since is { } s ? string.Create(CultureInfo.InvariantCulture, $"changes after {s:yyyy-MM-ddTHH:mm:sszzz} (page {w.Page})") : "nothing read";
    }

    /// <inheritdoc />
    public IAsyncEnumerable<SourceBatch> ReadSnapshotAsync(CancellationToken cancellationToken) => ReadAsync(Watermark.Start, cancellationToken);

    /// <inheritdoc />
    public async Task<SourceHealth> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri("nhi/v1/insured?page=1&pageSize=1", UriKind.Relative), cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? SourceHealth.Healthy("nhi: the API answers.")
                : SourceHealth.Unhealthy(string.Create(CultureInfo.InvariantCulture, $"nhi: the API answered HTTP {(int)response.StatusCode}."));
        }
        catch (HttpRequestException ex)
        {
            return SourceHealth.Unhealthy($"nhi: the API cannot be reached ({ex.Message}).");
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<SourceBatch> ReadAsync(Watermark since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var mark = NhiWatermark.Parse(since);
        while (true)
        {
            var (items, nextPage) = await FetchAsync(mark, cancellationToken).ConfigureAwait(false);
            var batch = new List<SourceItem>(items.Count);
            var last = mark;
            for (var i = 0; i < items.Count; i++)
            {
                var (raw, updatedAt, key) = items[i];
                if (updatedAt is { } t && !mark.IsAfter(t, key))
                {
                    continue; // read in an earlier batch
                }

                var location = string.Create(CultureInfo.InvariantCulture, $"nhi/v1/insured page {mark.Page} item {i + 1}");
                batch.Add(NhiItemMapping.Map(_converter, location, raw));
                if (updatedAt is { } u)
                {
                    last = new NhiWatermark(u, 1, key);
                }
            }

            if (nextPage is null)
            {
                if (batch.Count > 0)
                {
                    yield return new SourceBatch(batch, last.ToWatermark());
                }

                yield break;
            }

            // Keyset paging: ask again from the last item's timestamp; only when a whole page shares the
            // starting timestamp must the page number move on.
            var next = last.Since == mark.Since ? mark with { Page = mark.Page + 1, Key = last.Key } : last;
            if (batch.Count > 0)
            {
                yield return new SourceBatch(batch, next.ToWatermark());
            }

            mark = next;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<(List<(byte[] Raw, DateTimeOffset? UpdatedAt, string Key)> Items, int? NextPage)> FetchAsync(NhiWatermark mark, CancellationToken ct)
    {
        var query = new StringBuilder("nhi/v1/insured?");
        if (mark.Since is { } s)
        {
            query.Append("updatedSince=").Append(Uri.EscapeDataString(s.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture))).Append('&');
        }

        query.Append(CultureInfo.InvariantCulture, $"page={mark.Page}&pageSize={_options.PageSize}");
        var where = string.Create(CultureInfo.InvariantCulture, $"nhi/v1/insured page {mark.Page}");
        byte[] body;
        try
        {
            using var response = await _http.GetAsync(new Uri(query.ToString(), UriKind.Relative), ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var code = (int)response.StatusCode;
                throw new SourceReadException(
                    string.Create(CultureInfo.InvariantCulture, $"{where}: the NHI API answered HTTP {code} {response.ReasonPhrase}."),
                    isTransient: code >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);
            }

            body = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new SourceReadException($"{where}: the NHI API cannot be reached ({ex.Message}).", isTransient: true, ex);
        }
        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new SourceReadException($"{where}: the NHI API did not answer within {_options.Timeout.TotalSeconds:0} s.", isTransient: true, ex);
        }

        return NhiItemMapping.ParsePage(body, where);
    }
}
