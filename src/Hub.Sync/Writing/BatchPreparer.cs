using Hub.Adapters.Catalog;
using Hub.Adapters.Records;
using Hub.Adapters.Sdk;
using Hub.Data;
using Hub.Data.Providers;
using Hub.Sync.Quality;

namespace Hub.Sync.Writing;

/// <summary>
/// The stage between the adapter and the writer: takes each source batch in order and decides, without touching
/// the run's transaction, what it will write — repeated keys and identity failures to quarantine, everything else
/// mapped to stored versions with their content hashes. Identities are checked against the registry
/// (<see cref="RegistryIdentities"/>: the batch's keys while the run has checked few, then read once whole).
/// </summary>
/// <remarks>
/// A record of a kind declared as data (<see cref="CanonicalGenericRecord"/>) is first checked against its kind in
/// <paramref name="catalog"/> (<see cref="RecordValues.Check"/>); a problem quarantines it with a reason naming the field.
/// </remarks>
internal sealed class BatchPreparer(HubDbContextFactory factory, long runId, string source, string sourceSystem, TimeProvider time, int fullReadAfterClaims = RegistryIdentities.FullReadAfterClaims, RegistrySnapshots? snapshots = null, FieldCatalog? catalog = null)
{
    private readonly Lazy<FieldCatalog> _catalog = new(() => catalog ?? FieldCatalog.LoadDefault());
    private readonly SeenKeys _seen = new();
    private readonly RegistryIdentities _registry = new(factory, fullReadAfterClaims, snapshots);

    /// <summary>What the quarantined rows' bytes say about the source's encoding (for the run's hint).</summary>
    public EncodingEvidence Evidence { get; } = new();

    /// <summary>The record kind the source feeds; a record of another kind is quarantined. Null: any.</summary>
    public string? Record { get; init; }

    public async Task<PreparedBatch> PrepareAsync(SourceBatch batch, CancellationToken ct)
    {
        var stamp = new RunStamp(runId, source, sourceSystem, time.GetUtcNow().UtcDateTime);
        var prepared = new PreparedBatch(stamp, batch.Next, batch.Items.Count);
        var claimed = new List<string>();
        foreach (var item in batch.Items)
        {
            if (item.Record is { } claiming)
            {
                claimed.AddRange(Claims(claiming).Select(c => c.AtenaNumber));
            }
        }

        await _registry.PrepareAsync(claimed, ct).ConfigureAwait(false);
        foreach (var item in batch.Items)
        {
            var record = item.Record;
            if (record is null)
            {
                Quarantine(prepared, item, item.Rejection ?? "rejected by the adapter");
                continue;
            }

            // NUL, BOM or U+FFFD inside a field, whatever the source kind (TextFieldCheck).
            if (TextFieldCheck.Problem(record) is { } dirty)
            {
                Quarantine(prepared, item, dirty);
                continue;
            }

            if (Record is not null && Sources.RecordKinds.Of(record) is { } fed && fed != Record)
            {
                Quarantine(prepared, item, $"a {fed} record, but the source feeds {Record} records");
                continue;
            }

            (RecordKind Kind, IReadOnlyDictionary<string, object> Values)? generic = null;
            if (record is CanonicalGenericRecord g)
            {
                var (kind, values, invalid) = Check(g);
                if (invalid is not null)
                {
                    Quarantine(prepared, item, invalid);
                    continue;
                }

                generic = (kind!, values!);
            }

            // Two kinds of one source may share keys; a key repeats only within its kind.
            if (!_seen.Add(record is CanonicalGenericRecord scoped ? scoped.Kind + "\u001F" + record.SourceKey : record.SourceKey))
            {
                Quarantine(prepared, item, "source key appears more than once in this run; the first occurrence was kept");
                continue;
            }

            // 宛名番号 is the key across systems: a record about a person the registry does not know, or whose
            // My Number contradicts the registry's, is quarantined rather than loaded.
            var claims = Claims(record);
            if (IdentityProblem(claims, _registry) is { } problem)
            {
                Quarantine(prepared, item, problem);
                continue;
            }

            if (generic is { } checkedRecord)
            {
                var stored = GenericMapping.ToRecord((CanonicalGenericRecord)record, checkedRecord.Kind, checkedRecord.Values, prepared.Stamp);
                if (!prepared.Generic.TryGetValue(stored.Kind, out var list))
                {
                    prepared.Generic[stored.Kind] = list = [];
                }

                list.Add(stored);
            }
            else
            {
                Map(record, prepared);
            }

            prepared.LoadedKeys.Add(record.SourceKey);
        }

        return prepared;
    }

    // The kind and checked values of a generic record, or why it cannot be stored (names the field or kind, never a value).
    private (RecordKind? Kind, IReadOnlyDictionary<string, object>? Values, string? Problem) Check(CanonicalGenericRecord g)
    {
        if (_catalog.Value.Kind(g.Kind) is not { IsGeneric: true } kind)
        {
            return (null, null, $"kind: '{g.Kind}' is not a record kind declared as data in the catalog");
        }

        var (values, problem) = RecordValues.Check(kind, g.Values, g.Key);
        return (kind, values, problem);
    }

    // Who a record is about: a generic record's subject field (its claim is checked against the registry like any other).
    private IEnumerable<IdentityClaim> Claims(CanonicalRecord record) =>
        record is CanonicalGenericRecord g
            ? _catalog.Value.Kind(g.Kind) is { } kind && g.Values.GetValueOrDefault(kind.Subject) is string { Length: > 0 } atena ? [new IdentityClaim(kind.Subject, atena, null)] : []
            : IdentityClaim.Of(record);

    private void Quarantine(PreparedBatch prepared, SourceItem item, string reason)
    {
        prepared.Quarantine(item, reason);
        Evidence.Examine(item.Raw.Span, reason);
    }

    private static string? IdentityProblem(IEnumerable<IdentityClaim> claims, RegistryIdentities registry)
    {
        foreach (var claim in claims)
        {
            if (!registry.TryGet(claim.AtenaNumber, out var registered))
            {
                return $"{claim.Field}: unknown to the resident registry";
            }

            if (claim.MyNumber is not null && registered is not null && claim.MyNumber != registered)
            {
                return "my_number: contradicts the resident registry";
            }
        }

        return null;
    }

    private static void Map(CanonicalRecord record, PreparedBatch prepared)
    {
        var stamp = prepared.Stamp;
        switch (record)
        {
            case CanonicalResident r:
                prepared.Residents.Add(ResidentMapping.ToRecord(r, stamp));
                if (ResidentMapping.ToHousehold(r, stamp) is { } h)
                {
                    prepared.Households[h.SourceKey] = h;
                }

                break;
            case CanonicalTaxAssessment t:
                prepared.TaxAssessments.Add(QualificationMappings.ToRecord(t, stamp));
                break;
            case CanonicalNhiQualification q:
                prepared.NhiQualifications.Add(QualificationMappings.ToRecord(q, stamp));
                break;
            case CanonicalChildAllowanceEntitlement c:
                prepared.ChildAllowanceEntitlements.Add(QualificationMappings.ToRecord(c, stamp));
                break;
            default:
                throw new NotSupportedException($"No writer for canonical record type {record.GetType().Name}.");
        }
    }
}
