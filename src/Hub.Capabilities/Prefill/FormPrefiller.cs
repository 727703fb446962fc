using Hub.Capabilities.Audit;
using Hub.Capabilities.Records;
using Hub.Capabilities.Requests;
using Hub.Data.Entities;
using Hub.Policy.Masks;

namespace Hub.Capabilities.Prefill;

/// <summary>
/// Fills a form for one resident (プレプリント). Each item is decided against the request's <see cref="FieldGate"/>
/// first: a forbidden item is WITHHELD and nothing is loaded or read for it; a record no allowed item needs is not
/// loaded at all. Allowed items are read through <see cref="CatalogValues"/> from the latest version of their record,
/// with that version's source system and source timestamp. Released values are noted for the access record.
/// </summary>
public static class FormPrefiller
{
    /// <remarks>
    /// Of a kind declared as data, an item is read from the record valid now (by the kind's dating), else the one whose
    /// validity started last (<see cref="RecordSelection.OfKind"/> names the paths that choice reads).
    /// </remarks>
    public static async Task<PrefillResult> FillAsync(FormDefinition form, ResidentRecord applicant, FieldGate gate, HubDataLoaders loaders, AccessCollector access, CancellationToken ct, TimeProvider? time = null)
    {
        var now = (time ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        // The request concerns the applicant even when every item is withheld.
        access.AddSubjects([applicant.AtenaNumber]);
        var applicantItems = Decide(form.Items, gate, applicant);
        var applicantSubject = new Subject([applicant.AtenaNumber], applicant.HouseholdNumber);
        var mayList = applicant.HouseholdNumber is not null && gate.Allows(FormCatalog.MembersPath, FieldAction.Read, applicantSubject);
        var listMembers = (form.HouseholdMembers is not null || form.Spouse is not null) && mayList;

        // The first level (household, members) is asked for before either is awaited, so each loader fetches once; then
        // the applicant's and every member's records are asked for together: one fetch per record kind for them all.
        var household = Needs(applicantItems, "household") && applicant.HouseholdNumber is { } number ? loaders.Households.Load(number) : null;
        var members = listMembers ? loaders.Members.Load(applicant.HouseholdNumber!) : null;
        var householdRecord = household is null ? null : await household.GetResultAsync(ct).ConfigureAwait(false);
        var listed = members is null ? [] : await members.GetResultAsync(ct).ConfigureAwait(false) ?? [];
        var (people, orderPaths) = members is null || form.HouseholdMembers is null ? ([], []) : MemberOrder.Arrange(listed, gate);
        var decided = form.HouseholdMembers is { } memberSection
            ? people.Select(p => (Person: p, Items: Decide(memberSection.Items, gate, p))).ToList()
            : [];
        var (spouseStatus, spouse) = ChooseSpouse(form, applicant, members is null ? null : listed, gate);
        var spouseItems = spouse is null ? null : Decide(form.Spouse!.Items, gate, spouse);
        var related = Related.Load(applicantItems, applicant.AtenaNumber, loaders, gate.Catalog);
        var loads = decided.Select(d => Related.Load(d.Items, d.Person.AtenaNumber, loaders, gate.Catalog)).ToList();
        var spouseLoad = spouseItems is null ? null : Related.Load(spouseItems, spouse!.AtenaNumber, loaders, gate.Catalog);
        var applicantRecords = await related.WithAsync(applicant, householdRecord, now, ct).ConfigureAwait(false);
        var items = Answer(applicantItems, applicantRecords, applicant.AtenaNumber, access, gate.Catalog);
        var warning = PrefillWarning.For(applicant, path => gate.Allows(path, FieldAction.Read, applicantSubject));
        IReadOnlyList<PrefillWarning> warnings = warning is null ? [] : [warning];
        foreach (var path in warnings.SelectMany(w => w.Paths))
        {
            access.Add(path, [applicant.AtenaNumber]);
        }

        PrefilledMember? spouseAnswer = null;
        if (form.Spouse is not null && members is not null && spouseStatus != PrefillStatus.Withheld)
        {
            // Choosing (or not finding) the spouse read every listed member's 続柄: a spouse section discloses them.
            access.Add(FormCatalog.MembersPath, listed.Select(p => p.AtenaNumber));
            access.Add(SpouseChoice.RelationshipPath, listed.Select(p => p.AtenaNumber).Append(applicant.AtenaNumber).Distinct(StringComparer.Ordinal));
            if (spouse is not null)
            {
                var records = await spouseLoad!.WithAsync(spouse, null, now, ct).ConfigureAwait(false);
                spouseAnswer = new PrefilledMember(Answer(spouseItems!, records, spouse.AtenaNumber, access, gate.Catalog));
            }
        }

        var result = new PrefillResult(form, items, null, []) { Warnings = warnings, SpouseStatus = spouseStatus, Spouse = spouseAnswer };
        if (form.HouseholdMembers is null)
        {
            return result;
        }

        if (members is null)
        {
            return result with { MembersStatus = applicant.HouseholdNumber is null ? PrefillStatus.Unavailable : PrefillStatus.Withheld };
        }

        access.Add(FormCatalog.MembersPath, people.Select(p => p.AtenaNumber));
        foreach (var path in orderPaths)
        {
            access.Add(path, people.Select(p => p.AtenaNumber));
        }

        var filled = new List<PrefilledMember>(decided.Count);
        for (var i = 0; i < decided.Count; i++)
        {
            var records = await loads[i].WithAsync(decided[i].Person, null, now, ct).ConfigureAwait(false);
            filled.Add(new PrefilledMember(Answer(decided[i].Items, records, decided[i].Person.AtenaNumber, access, gate.Catalog)));
        }

        return result with { MembersStatus = people.Count == 0 ? PrefillStatus.Unavailable : PrefillStatus.Filled, Members = filled };
    }

    // The spouse section: WITHHELD unless the task may list the members and read every one's 続柄 (the choice reads them);
    // UNAVAILABLE when the applicant has no household or no spouse in it; else FILLED with the spouse chosen.
    private static (PrefillStatus? Status, ResidentRecord? Spouse) ChooseSpouse(FormDefinition form, ResidentRecord applicant, IReadOnlyList<ResidentRecord>? listed, FieldGate gate)
    {
        if (form.Spouse is null)
        {
            return (null, null);
        }

        if (applicant.HouseholdNumber is null)
        {
            return (PrefillStatus.Unavailable, null);
        }

        if (listed is null || !listed.Append(applicant).All(m => gate.Allows(SpouseChoice.RelationshipPath, FieldAction.Read, new Subject([m.AtenaNumber], m.HouseholdNumber))))
        {
            return (PrefillStatus.Withheld, null);
        }

        var spouse = SpouseChoice.Find(applicant, listed);
        return spouse is null ? (PrefillStatus.Unavailable, null) : (PrefillStatus.Filled, spouse);
    }

    // An item is answered only where its path and the paths that choose its record (RecordSelection) may be read; an item
    // for some persons only (FormItemCondition) only where the path deciding it may be read too.
    private static List<(FormItem Item, Decision Decision)> Decide(IReadOnlyList<FormItem> items, FieldGate gate, ResidentRecord person)
    {
        var subject = new Subject([person.AtenaNumber], person.HouseholdNumber);
        return [.. items.Select(i => (i, DecideOne(i, gate, person, subject)))];
    }

    private static Decision DecideOne(FormItem item, FieldGate gate, ResidentRecord person, Subject subject)
    {
        // A withheld item is withheld whoever it is for: deciding whether it applies first would tell 住民種別 through
        // WITHHELD against 該当なし without naming it.
        if (!item.IsApplicantAnswer
            && !(gate.Allows(item.Path!, FieldAction.Read, subject) && gate.AllowsAll(RecordSelection.Paths(item.Record!, gate.Catalog), FieldAction.Read, subject)))
        {
            return Decision.Withheld;
        }

        if (FormItemConditions.PathOf(item.Applies) is { } conditionPath)
        {
            if (!gate.Allows(conditionPath, FieldAction.Read, subject))
            {
                return Decision.Withheld;
            }

            if (!FormItemConditions.Applies(item.Applies, person))
            {
                return Decision.NotApplicable;
            }
        }

        return item.IsApplicantAnswer ? Decision.ApplicantAnswer : Decision.Read;
    }

    private static bool Needs(List<(FormItem Item, Decision Decision)> items, string record) =>
        items.Any(i => i.Decision == Decision.Read && i.Item.Record == record);

    private static List<PrefilledItem> Answer(List<(FormItem Item, Decision Decision)> items, Dictionary<string, TemporalRecord?> records, string atena, AccessCollector access, Hub.Adapters.Catalog.FieldCatalog catalog)
    {
        var answered = new List<PrefilledItem>(items.Count);
        foreach (var (item, decision) in items)
        {
            if (decision == Decision.Withheld)
            {
                answered.Add(new PrefilledItem(item, PrefillStatus.Withheld));
                continue;
            }

            if (FormItemConditions.PathOf(item.Applies) is { } conditionPath)
            {
                // Whether the item applies was read from this path: the answer (a value or 該当なし) discloses it.
                access.Add(conditionPath, [atena]);
            }

            if (decision != Decision.Read)
            {
                // 該当なし, or an item only the resident can answer: nothing of it was read.
                answered.Add(new PrefilledItem(item, decision == Decision.NotApplicable ? PrefillStatus.NotApplicable : PrefillStatus.Unavailable));
                continue;
            }

            foreach (var chosenBy in RecordSelection.Paths(item.Record!, catalog))
            {
                access.Add(chosenBy, [atena]);
            }

            // An empty value is an answer too (データなし says the field is empty): the item was read either way.
            access.Add(item.Path!, [atena], myNumber: item.Path == CatalogPaths.MyNumber);
            var record = records.GetValueOrDefault(item.Record!);
            var value = record is null ? default : CatalogValues.Read(item.Path!, record);
            if (value.Text is null)
            {
                answered.Add(new PrefilledItem(item, PrefillStatus.Unavailable));
                continue;
            }

            answered.Add(new PrefilledItem(item, value.Uncertain ? PrefillStatus.Uncertain : PrefillStatus.Filled, value.Text, record!.SourceSystem, record.SourceTimestamp));
        }

        return answered;
    }

    private enum Decision
    {
        Read,
        Withheld,
        NotApplicable,
        ApplicantAnswer,
    }

    /// <summary>The per-person records an item list needs, asked for (not yet awaited).</summary>
    private sealed record Related(
        IDeferred<IReadOnlyList<TaxAssessmentRecord>?>? Tax,
        IDeferred<NhiQualificationRecord?>? Nhi,
        IDeferred<IReadOnlyList<ChildAllowanceEntitlementRecord>?>? ChildAllowance,
        IReadOnlyList<(string Kind, IDeferred<IReadOnlyList<GenericRecord>?> Records)> Kinds)
    {
        public static Related Load(List<(FormItem Item, Decision Decision)> items, string atena, HubDataLoaders loaders, Hub.Adapters.Catalog.FieldCatalog catalog) => new(
            Needs(items, "tax") ? loaders.TaxAssessments.Load(atena) : null,
            Needs(items, "nhi") ? loaders.NhiQualifications.Load(atena) : null,
            Needs(items, "childAllowance") ? loaders.ChildAllowanceEntitlements.Load(atena) : null,
            [.. items.Where(i => i.Decision == Decision.Read && catalog.Kind(i.Item.Record!) is { IsGeneric: true }).Select(i => i.Item.Record!).Distinct(StringComparer.Ordinal)
                .Select(kind => (kind, loaders.Kind(kind).Load(atena)))]);

        public async Task<Dictionary<string, TemporalRecord?>> WithAsync(ResidentRecord person, HouseholdRecord? household, DateTime now, CancellationToken ct)
        {
            var records = new Dictionary<string, TemporalRecord?>(StringComparer.Ordinal)
            {
                ["resident"] = person,
                ["household"] = household,
                // The latest fiscal year; the current (else latest) qualification; the newest entitlement.
                ["tax"] = Tax is null ? null : (await Tax.GetResultAsync(ct).ConfigureAwait(false))?.FirstOrDefault(),
                ["nhi"] = Nhi is null ? null : await Nhi.GetResultAsync(ct).ConfigureAwait(false),
                ["childAllowance"] = ChildAllowance is null ? null : (await ChildAllowance.GetResultAsync(ct).ConfigureAwait(false))?.FirstOrDefault(),
            };
            foreach (var (kind, load) in Kinds)
            {
                // Newest validity first: the record valid now, else the one that started last.
                var list = await load.GetResultAsync(ct).ConfigureAwait(false) ?? [];
                records[kind] = list.FirstOrDefault(r => r.ValidFrom <= now && (r.ValidTo is null || r.ValidTo > now)) ?? list.FirstOrDefault();
            }

            return records;
        }
    }
}
