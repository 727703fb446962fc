using Acme.Hub;
using Hub.Adapters.Conformance;

namespace Hub.Adapters.Tests.VendorSample;

/// <summary>The docs' vendor sample passes the conformance kit like a built-in adapter.</summary>
public sealed class AcmeTaxTsvConformanceTests : SourceAdapterConformanceTests<AcmeTaxTsvAdapter>, IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "acme-" + Guid.NewGuid().ToString("N") + ".tsv");

    protected override ValueTask<AcmeTaxTsvAdapter> CreateAdapterAsync(ConformanceSource source, int batchSize, CancellationToken cancellationToken)
    {
        var lines = source == ConformanceSource.Empty
            ? []
            : Enumerable.Range(1, 30).Select(i => $"{Hub.Adapters.Domain.Identifiers.AtenaNumber.FromSerial(100_000_000 + i).Value}\t2025\t{i * 1000}\t0\t2025-06-0{1 + (i % 9)}T10:00:00+09:00").ToList();
        if (source == ConformanceSource.Malformed)
        {
            lines.Add("1000000016\t2025\t1000\t0\t2025-06-01T10:00:00+09:00");
            lines.Add("1000000015\t2025");
        }

        File.WriteAllLines(_file, lines);
        return ValueTask.FromResult(new AcmeTaxTsvAdapter(_file, batchSize));
    }

    protected override ValueTask<string?> ChangeOneRecordAsync(AcmeTaxTsvAdapter adapter, CancellationToken cancellationToken)
    {
        var lines = File.ReadAllLines(_file);
        lines[0] = lines[0].Replace("\t0\t", "\t1\t", StringComparison.Ordinal);
        File.WriteAllLines(_file, lines);
        File.SetLastWriteTimeUtc(_file, File.GetLastWriteTimeUtc(_file).AddMinutes(1));
        return ValueTask.FromResult<string?>(lines[0].Split('\t')[0] + ":2025");
    }

    public void Dispose() => File.Delete(_file);
}
