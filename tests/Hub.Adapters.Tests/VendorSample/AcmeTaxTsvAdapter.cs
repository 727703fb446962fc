using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Hub.Adapters.Domain.Identifiers;
using Hub.Adapters.Records;
using Hub.Adapters.Sdk;

namespace Acme.Hub;

/// <summary>The docs/adapters.md sample: a vendor's tax export, tab-separated, one assessment per line.</summary>
/// <remarks>Columns: atena, fiscal year, taxable income, non-taxable (0/1), updated (ISO 8601).</remarks>
public sealed class AcmeTaxTsvAdapter(string path, int batchSize = 1_000) : ISourceAdapter
{
    public async IAsyncEnumerable<SourceBatch> ReadAsync(Watermark since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var file = new FileInfo(path);
        var fingerprint = $"{file.Length}-{file.LastWriteTimeUtc.Ticks}";
        var parts = since.Value.Split('|');
        var skip = parts.Length == 2 && parts[0] == fingerprint ? long.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
        var items = new List<SourceItem>();
        long line = 0;
        using var reader = new StreamReader(path, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            if (++line <= skip)
            {
                continue;
            }

            items.Add(Map($"{file.Name}:{line}", text));
            if (items.Count == batchSize)
            {
                yield return new SourceBatch(items, new Watermark($"{fingerprint}|{line}"));
                items = [];
            }
        }

        if (items.Count > 0)
        {
            yield return new SourceBatch(items, new Watermark($"{fingerprint}|{line}"));
        }
    }

    private static SourceItem Map(string location, string text)
    {
        var raw = Encoding.UTF8.GetBytes(text);
        var f = text.Split('\t');
        if (f.Length != 5)
        {
            return SourceItem.Rejected(location, raw, $"expected 5 columns, found {f.Length}");
        }

        if (!AtenaNumber.TryParse(f[0], verifyCheckDigit: true, out var atena, out var error))
        {
            return SourceItem.Rejected(location, raw, error.Describe("atena"));
        }

        if (!int.TryParse(f[1], CultureInfo.InvariantCulture, out var year) || !long.TryParse(f[2], CultureInfo.InvariantCulture, out var taxable))
        {
            return SourceItem.Rejected(location, raw, "fiscal year or taxable income: not a number", atena.Value);
        }

        if (f[3] is not ("0" or "1") || !DateTimeOffset.TryParse(f[4], CultureInfo.InvariantCulture, out var updated))
        {
            return SourceItem.Rejected(location, raw, "non-taxable flag or updated: invalid", atena.Value);
        }

        return SourceItem.Accepted(location, raw, new CanonicalTaxAssessment
        {
            AtenaNumber = atena,
            FiscalYear = year,
            TaxableIncome = taxable,
            NonTaxable = f[3] == "1",
            SourceTimestamp = updated,
        });
    }
}
