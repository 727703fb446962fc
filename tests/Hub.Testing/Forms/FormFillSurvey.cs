using Hub.Adapters.Catalog;
using Hub.Capabilities.Audit;
using Hub.Capabilities.Prefill;
using Hub.Capabilities.Records;
using Hub.Capabilities.Requests;
using Hub.Data;
using Hub.Data.Entities;
using Hub.Data.Queries;
using Hub.Policy.Enforcement;
using Hub.Policy.Masks;
using Hub.Policy.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hub.Testing.Forms;

/// <summary>
/// Fills every form of <c>schemas/forms</c> for the residents it is for, under the form's own task (the clerk of its
/// <c>g</c> line in the default policy), through <see cref="FormPrefiller"/> on a synced city, and counts the items FILLED.
/// Relevant residents per form: see <see cref="Relevant"/>; of them, those whose core-system data is complete — a record of
/// every kind the applicant's items read — are filled (up to <c>perForm</c>, spread over the city). Applicant answers (no
/// core system holds them) and 該当なし items are not counted, and a spouse section only where the applicant has a spouse.
/// </summary>
public static class FormFillSurvey
{
    /// <summary>Surveys every form of <paramref name="forms"/> over the city in <paramref name="factory"/>'s database.</summary>
    public static async Task<IReadOnlyList<FormFill>> RunAsync(IDbContextFactory<HubDbContext> factory, FormCatalog forms, FieldCatalog catalog, string policyDirectory, DateOnly cityAsOf, int perForm = 60, CancellationToken ct = default)
    {
        var rules = PolicyCsvReader.Load(Path.Combine(policyDirectory, "policy.csv"));
        var masks = new FieldMaskCache(catalog.Fields.Select(f => f.Path));
        masks.Publish("survey", Enforcer.FromFiles(Path.Combine(policyDirectory, "model.conf"), Path.Combine(policyDirectory, "policy.csv")));
        var results = new List<FormFill>();
        foreach (var form in forms.Forms)
        {
            var clerk = rules.FirstOrDefault(r => r.Type == "g" && r.Values.Count > 2 && r.Values[2] == form.Task && r.Values[1].EndsWith("-clerk", StringComparison.Ordinal))?.Values[0]
                ?? throw new InvalidOperationException($"{form.Id}: no clerk of task {form.Task} in the policy");
            var gate = FieldGate.ForStaff(masks.Get(clerk, form.Task), catalog, privacyOfficer: false);
            var relevant = await Relevant(factory, form.Id, cityAsOf, ct);
            var complete = await CompleteAsync(factory, form, catalog, relevant, ct);
            var sample = complete.Where((_, i) => i % Math.Max(1, complete.Count / perForm) == 0).Take(perForm).ToList();
            var byStatus = new Dictionary<string, int>(StringComparer.Ordinal);
            var shortOf = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var atena in sample)
            {
                await using var db = await factory.CreateDbContextAsync(ct);
                var applicant = await db.Residents.AsNoTracking().Latest().SingleAsync(r => r.AtenaNumber == atena, ct);
                await using var loaders = new HubDataLoaders(factory);
                var result = await FormPrefiller.FillAsync(form, applicant, gate, loaders, new AccessCollector(), ct);
                var counted = result.Items.Concat(result.Members.SelectMany(m => m.Items)).Concat(result.Spouse?.Items ?? []);
                foreach (var item in counted.Where(i => !i.Item.IsApplicantAnswer && i.Status != PrefillStatus.NotApplicable))
                {
                    var status = item.Status.ToString();
                    byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
                    if (item.Status != PrefillStatus.Filled)
                    {
                        var key = $"{item.Item.Label} ({status})";
                        shortOf[key] = shortOf.GetValueOrDefault(key) + 1;
                    }
                }
            }

            var items = byStatus.Values.Sum();
            results.Add(new FormFill(form.Id, form.Task, relevant.Count, complete.Count, sample.Count, items, byStatus.GetValueOrDefault(nameof(PrefillStatus.Filled)), byStatus,
                [.. form.ApplicantAnswers.Select(i => i.Label).Distinct(StringComparer.Ordinal)], shortOf));
        }

        return results;
    }

    /// <summary>
    /// The residents <paramref name="formId"/> is for, in 宛名番号 order: recipients of a child allowance entitlement (the
    /// allowance forms); parents (世帯主, 妻, 夫) of a household with a child under 6 (nursery) or under 18 (子ども医療費);
    /// NHI members heading their household (加入届); residents whose NHI qualification was lost (資格喪失届); the deceased
    /// who were NHI members (葬祭費); residents 75 and over (後期高齢者医療); residents with a 要介護認定 (介護保険); residents
    /// registered by 転入 (転入届). Another form: every living resident.
    /// </summary>
    public static async Task<List<string>> Relevant(IDbContextFactory<HubDbContext> factory, string formId, DateOnly asOf, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var living = db.Residents.AsNoTracking().Living();
        var nhi = db.NhiQualifications.AsNoTracking().Latest();
        var recipients = db.ChildAllowanceEntitlements.AsNoTracking().Latest().Where(e => e.EndedOn == null).Select(e => e.RecipientAtenaNumber);
        IQueryable<string> query = formId switch
        {
            "child-allowance-application" or "child-allowance-recipient-change" => living.Where(r => recipients.Contains(r.AtenaNumber)).Select(r => r.AtenaNumber),
            "nursery-admission" => Parents(living, asOf.AddYears(-6)),
            "child-medical-subsidy" => Parents(living, asOf.AddYears(-18)),
            "nhi-enrolment" => living.Where(r => r.Relationship == "世帯主" && nhi.Any(q => q.AtenaNumber == r.AtenaNumber && q.LostOn == null)).Select(r => r.AtenaNumber),
            "nhi-loss" => db.Residents.AsNoTracking().Latest().Where(r => nhi.Any(q => q.AtenaNumber == r.AtenaNumber && q.LostOn != null)).Select(r => r.AtenaNumber),
            "funeral-expenses" => db.Residents.AsNoTracking().Latest().Where(r => r.Status == "消除" && r.ChangeReason == "死亡" && nhi.Any(q => q.AtenaNumber == r.AtenaNumber)).Select(r => r.AtenaNumber),
            "late-elderly-enrolment" => living.Where(r => r.BirthDateLatest != null && r.BirthDateLatest <= asOf.AddYears(-75)).Select(r => r.AtenaNumber),
            "long-term-care-renewal" => living.Where(r => db.GenericRecords.Any(g => g.Kind == "longTermCare" && g.AtenaNumber == r.AtenaNumber && g.SupersededAt == null)).Select(r => r.AtenaNumber),
            "move-in-household-members" => living.Where(r => r.ChangeReason == "転入").Select(r => r.AtenaNumber),
            _ => living.Select(r => r.AtenaNumber),
        };
        return await query.Distinct().OrderBy(a => a).ToListAsync(ct);
    }

    private static IQueryable<string> Parents(IQueryable<ResidentRecord> living, DateOnly bornAfter)
    {
        var households = living.Where(c => c.Relationship == "子" && c.BirthDateEarliest != null && c.BirthDateEarliest > bornAfter).Select(c => c.HouseholdNumber);
        return living.Where(r => (r.Relationship == "世帯主" || r.Relationship == "妻" || r.Relationship == "夫") && households.Contains(r.HouseholdNumber)).Select(r => r.AtenaNumber);
    }

    // Complete core-system data: a record of every kind the applicant's items for everyone read (tax, nhi, childAllowance, kinds as data).
    private static async Task<List<string>> CompleteAsync(IDbContextFactory<HubDbContext> factory, FormDefinition form, FieldCatalog catalog, List<string> relevant, CancellationToken ct)
    {
        var kinds = form.Items.Where(i => !i.IsApplicantAnswer && i.Applies == FormItemCondition.Everyone).Select(i => i.Record!).Where(k => k is not "resident" and not "household").Distinct(StringComparer.Ordinal).ToList();
        var complete = new List<string>(relevant.Count);
        await using var db = await factory.CreateDbContextAsync(ct);
        foreach (var chunk in relevant.Chunk(500))
        {
            var have = chunk.ToHashSet(StringComparer.Ordinal);
            foreach (var kind in kinds)
            {
                List<string?> with = kind switch
                {
                    "tax" => await db.TaxAssessments.AsNoTracking().Latest().Where(t => chunk.Contains(t.AtenaNumber)).Select(t => (string?)t.AtenaNumber).ToListAsync(ct),
                    "nhi" => await db.NhiQualifications.AsNoTracking().Latest().Where(t => chunk.Contains(t.AtenaNumber)).Select(t => (string?)t.AtenaNumber).ToListAsync(ct),
                    "childAllowance" => await db.ChildAllowanceEntitlements.AsNoTracking().Latest().Where(t => chunk.Contains(t.RecipientAtenaNumber!)).Select(t => t.RecipientAtenaNumber).ToListAsync(ct),
                    _ when catalog.Kind(kind) is { IsGeneric: true } => await db.GenericRecords.AsNoTracking().Where(g => g.Kind == kind && g.SupersededAt == null && chunk.Contains(g.AtenaNumber)).Select(g => (string?)g.AtenaNumber).ToListAsync(ct),
                    _ => [.. chunk],
                };
                have.IntersectWith(with.OfType<string>());
            }

            complete.AddRange(chunk.Where(have.Contains));
        }

        return complete;
    }
}
