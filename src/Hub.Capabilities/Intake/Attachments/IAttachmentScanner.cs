namespace Hub.Capabilities.Intake.Attachments;

/// <summary>The virus-scan hook point: one method; a city plugs its scanner (ICAP, ClamAV, …) in here.</summary>
public interface IAttachmentScanner
{
    /// <summary>The scanner's verdict on <paramref name="content"/>: null when clean, else what was found (e.g. the signature's name).</summary>
    Task<string?> ScanAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>The scanner's name, recorded with each attachment it passed.</summary>
    string Name { get; }
}
