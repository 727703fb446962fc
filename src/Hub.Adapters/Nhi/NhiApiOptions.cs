using Hub.Adapters.Sdk;

namespace Hub.Adapters.Nhi;

/// <summary>Options of the 国民健康保険 (NHI) API adapter.</summary>
public sealed class NhiApiOptions : AdapterOptions
{
    /// <summary>Base address of the NHI system's API (the adapter calls <c>GET {base}/nhi/v1/insured</c>). Required, absolute http(s).</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Items per page requested. Default 500; 1 to 5,000. One page is one batch (<see cref="AdapterOptions.BatchSize"/> is not used).</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>Per-request timeout. Default 30 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Creates the HTTP handler (tests and the demo pass the in-process simulator). Default: a shared <see cref="SocketsHttpHandler"/>.</summary>
    public Func<HttpMessageHandler>? CreateHandler { get; set; }

    /// <summary>Whether 宛名番号 and 世帯番号 must carry a check digit. Default true.</summary>
    public bool VerifyCheckDigits { get; set; } = true;

    /// <inheritdoc />
    protected override void Validate(List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (BaseAddress is null || !BaseAddress.IsAbsoluteUri || BaseAddress.Scheme is not ("http" or "https"))
        {
            problems.Add("BaseAddress must be an absolute http(s) URI.");
        }

        if (PageSize is < 1 or > 5_000)
        {
            problems.Add("PageSize must be between 1 and 5,000.");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            problems.Add("Timeout must be positive.");
        }
    }
}
