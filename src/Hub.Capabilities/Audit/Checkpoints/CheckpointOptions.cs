namespace Hub.Capabilities.Audit.Checkpoints;

/// <summary>
/// Configuration section <c>Hub:Audit:Checkpoints</c>: the Merkle tree over the access records, the key that signs its
/// checkpoints, the witness outside the database they are written to, and how far anchoring may lag before personal
/// data stops being served. Validated at startup with one message listing every problem.
/// </summary>
public sealed class CheckpointOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Hub:Audit:Checkpoints";

    /// <summary>The longest interval that keeps the promise of a checkpoint at least every minute.</summary>
    public static readonly TimeSpan MaxInterval = TimeSpan.FromMinutes(1);

    /// <summary>Where a Development key is generated and kept when none is configured.</summary>
    public const string DevelopmentKeyFile = "data/audit/checkpoint-signing-key.pem";

    /// <summary>The witness folder in Development when none is configured.</summary>
    public const string DevelopmentWitnessDirectory = "data/audit/witness";

    /// <summary>
    /// Whether appends extend the Merkle tree and checkpoints are signed and anchored. Default true. False leaves the hash
    /// chain alone (no tree, no checkpoints, no anchoring check): the benchmark's baseline, never a deployment's setting.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The log's name: the checkpoint's first line and the signing key's name. Default <c>municipalhub.local/access-records</c>.</summary>
    public string Origin { get; set; } = "municipalhub.local/access-records";

    /// <summary>
    /// PEM file of the ECDSA P-256 private key that signs checkpoints (PKCS#8 or SEC 1). Required outside Development;
    /// in Development, <see cref="DevelopmentKeyFile"/> is generated on first start and kept.
    /// </summary>
    public string? SigningKeyFile { get; set; }

    /// <summary>A folder outside the database (another disk, a mounted share) that receives one file per checkpoint and <c>latest</c>. Default in Development: <see cref="DevelopmentWitnessDirectory"/>.</summary>
    public string? WitnessDirectory { get; set; }

    /// <summary>A witness speaking the C2SP tlog-witness protocol: checkpoints are POSTed to <c>{WitnessUrl}/add-checkpoint</c> with a consistency proof.</summary>
    public Uri? WitnessUrl { get; set; }

    /// <summary>How often a checkpoint is signed when the tree grew. Default 1 minute; 1 s to 1 minute.</summary>
    public TimeSpan Interval { get; set; } = MaxInterval;

    /// <summary>
    /// How long the newest access record may stay outside every checkpoint the witness accepted before personal data
    /// stops being served (<c>AUDIT_UNANCHORED</c>) and <c>/healthz</c> reports Unhealthy (Degraded from half of it).
    /// Default 5 minutes; more than <see cref="Interval"/>.
    /// </summary>
    public TimeSpan MaxLag { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Every problem with these options in <paramref name="environmentName"/>, in one list (empty when valid). The key file's content is checked when it is loaded.</summary>
    public IReadOnlyList<string> Validate(bool isDevelopment, string environmentName)
    {
        var problems = new List<string>();
        if (!Enabled)
        {
            return problems;
        }

        if (string.IsNullOrWhiteSpace(Origin) || Origin.Any(c => char.IsWhiteSpace(c) || c == '+' || char.IsControl(c)))
        {
            problems.Add($"Setting {SectionName}:Origin must be a non-empty name without spaces or '+' (e.g. city.example.jp/hub/access-records).");
        }

        if (string.IsNullOrWhiteSpace(SigningKeyFile) && !isDevelopment)
        {
            problems.Add(
                $"Setting {SectionName}:SigningKeyFile is required in environment '{environmentName}': the PEM file of the ECDSA P-256 key that signs access log checkpoints " +
                "(create one with `openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt -out checkpoint-signing-key.pem`).");
        }

        if (WitnessDirectory is not null && WitnessUrl is not null)
        {
            problems.Add($"Settings {SectionName}:WitnessDirectory and {SectionName}:WitnessUrl are both set: configure one witness.");
        }
        else if (string.IsNullOrWhiteSpace(WitnessDirectory) && WitnessUrl is null && !isDevelopment)
        {
            problems.Add($"Setting {SectionName}:WitnessDirectory or {SectionName}:WitnessUrl is required in environment '{environmentName}': checkpoints must be written outside the hub's database.");
        }

        if (WitnessUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            problems.Add($"Setting {SectionName}:WitnessUrl must be an absolute http:// or https:// address.");
        }

        if (Interval < TimeSpan.FromSeconds(1) || Interval > MaxInterval)
        {
            problems.Add($"Setting {SectionName}:Interval must be between 00:00:01 and {MaxInterval:c} (a checkpoint at least every minute); it is {Interval:c}.");
        }

        if (MaxLag <= Interval)
        {
            problems.Add($"Setting {SectionName}:MaxLag must be longer than {SectionName}:Interval ({Interval:c}); it is {MaxLag:c}.");
        }

        return problems;
    }
}
