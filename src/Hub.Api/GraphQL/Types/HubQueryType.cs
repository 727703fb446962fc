using GraphQL;
using GraphQL.Types;
using Hub.Adapters.Domain.Text;
using Hub.Capabilities.Audit;
using Hub.Api.GraphQL.Enforcement;
using Hub.Capabilities.Requests;
using Hub.Api.GraphQL.Errors;
using Hub.Api.GraphQL.Loading;
using Hub.Capabilities.Records;
using Hub.Api.GraphQL.PolicyAdmin;
using Hub.Api.GraphQL.Prefill;
using Hub.Data.Entities;
using Hub.Policy.Masks;

namespace Hub.Api.GraphQL.Types;

/// <summary>
/// The root query: residents by 宛名番号, by 個人番号 (lookup) and by search keys; households; a resident's own view
/// (<c>me</c>); access records for privacy officers. Every field of personal data below is checked field by field.
/// </summary>
internal sealed class HubQueryType : ObjectGraphType
{
    /// <summary>The most residents one search returns.</summary>
    public const int SearchCap = 50;

    public HubQueryType()
    {
        Name = "Query";
        Field<ResidentType>("resident")
            .Description("住民 by 宛名番号 (its latest version, removed residents included). Not found: null and NOT_FOUND.")
            .Argument<NonNullGraphType<StringGraphType>>("atenaNumber", "宛名番号 (resident.atenaNumber)")
            .Principal(EnforcementMetadata.Staff)
            .Resolve(c => c.Loaders().Residents.Load(Arguments.Number(c, "atenaNumber", "宛名番号"))
                .Then(resident => resident ?? throw HubErrors.NotFound("resident with this atena number")).ForGraphQL());
        Field<ResidentType>("residentByMyNumber")
            .Description("住民 by 個人番号: only in tasks whose policy allows 'lookup' on resident.myNumber (番号法 第9条), else null and FIELD_FORBIDDEN.")
            .Argument<NonNullGraphType<StringGraphType>>("myNumber", "個人番号 (12 digits)")
            .Principal(EnforcementMetadata.Staff)
            .ResolveAsync(async c =>
            {
                // Decided before the number is used for anything.
                if (!c.Gate().Allows(CatalogPaths.MyNumber, FieldAction.Lookup, Subject.None))
                {
                    throw FieldEnforcementMiddleware.Forbidden(c, $"finding a person by {CatalogPaths.MyNumber} (lookup) is not allowed in task '{c.RequestContext().Task}'.");
                }

                var myNumber = Arguments.MyNumber(c, "myNumber");

                // The lookup is a use of 個人番号 whether or not it finds anyone: "found" and "not found" both answer it.
                c.Access().Add(CatalogPaths.MyNumber, [], myNumber: true);

                var found = (await c.Loaders().FindByMyNumberAsync(myNumber, c.CancellationToken).ConfigureAwait(false))
                    .GroupBy(r => r.AtenaNumber, StringComparer.Ordinal)
                    .Select(g => g.OrderByDescending(r => r.RecordedAt).First())
                    .ToList();
                if (found.Count != 1)
                {
                    // Two people with one number is a data-quality finding; show neither.
                    throw found.Count == 0 ? HubErrors.NotFound("living resident with this My Number") : HubErrors.Create(HubErrorCodes.NotFound, "More than one resident carries this My Number; ask the resident registry.");
                }

                c.Access().Add(CatalogPaths.MyNumber, [found[0].AtenaNumber], myNumber: true);
                return found[0];
            });
        Field<HouseholdType>("household")
            .Description("世帯 by 世帯番号 (its latest version). Not found: null and NOT_FOUND.")
            .Argument<NonNullGraphType<StringGraphType>>("householdNumber", "世帯番号 (household.householdNumber)")
            .Principal(EnforcementMetadata.Staff)
            .Resolve(c => c.Loaders().Households.Load(Arguments.Number(c, "householdNumber", "世帯番号"))
                .Then(household => household ?? throw HubErrors.NotFound("household with this household number")).ForGraphQL());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResidentType>>>>("searchResidents")
            .Description($"Residents by search keys, in any combination (every key given must match): 氏名カナ prefix, 氏名 prefix (kanji, or a foreign resident's legal name in romaji), 通称 prefix, 住所 prefix, and a birth date within the resident's 生年月日 range. Names are folded like the stored keys (width, case, spaces, hiragana/katakana). Those whose every name key matches exactly come first, then prefix matches. Removed residents (消除) only with includeRemoved: true; they are marked by status 消除. Needs read access to the field of every key used, and to resident.status unless includeRemoved is true. At most {SearchCap}.")
            .Argument<StringGraphType>("kana", "氏名カナ or its beginning (full- or half-width, hiragana or katakana, spaces ignored)")
            .Argument<StringGraphType>("name", "氏名 or its beginning: kanji (山田, 山田太郎) or romaji (REYES, reyes; width and case ignored)")
            .Argument<StringGraphType>("alias", "通称 or its beginning (a foreign resident's registered alias name; width, case and spaces ignored)")
            .Argument<StringGraphType>("address", "住所 or its beginning, as registered (e.g. 神奈川県みなと市本町)")
            .Argument<DateType>("birthDate", "A calendar day the birth date can denote (ISO or 和暦)")
            .Argument<BooleanGraphType>("includeRemoved", "Also list removed residents (消除: 転出, 死亡 …). Default false, which leaves them out by 住民状態 (resident.status)")
            .Argument<IntGraphType>("first", $"How many (default 20, at most {SearchCap})")
            .Principal(EnforcementMetadata.Staff)
            .ResolveAsync(async c =>
            {
                var kana = SearchKey.Normalize(Arguments.SearchText(c, "kana"));
                var name = SearchKey.Normalize(Arguments.SearchText(c, "name"));
                var alias = SearchKey.Normalize(Arguments.SearchText(c, "alias"));
                var address = Arguments.SearchText(c, "address")?.Trim() ?? string.Empty;
                var birthDate = c.GetArgument<DateOnly?>("birthDate");
                var includeRemoved = c.GetArgument<bool?>("includeRemoved") ?? false;
                if (kana.Length == 0 && name.Length == 0 && alias.Length == 0 && address.Length == 0 && birthDate is null)
                {
                    throw HubErrors.BadUserInput("kana", "or 'name', 'alias', 'address' or 'birthDate' must be given: a search needs at least one key");
                }

                var keys = new[]
                {
                    (kana.Length > 0, CatalogPaths.NameKana), (name.Length > 0, CatalogPaths.Name), (alias.Length > 0, CatalogPaths.Alias),
                    (address.Length > 0, CatalogPaths.Address), (birthDate is not null, CatalogPaths.BirthDate), (!includeRemoved, CatalogPaths.Status),
                };
                foreach (var (used, path) in keys)
                {
                    if (used && !c.Gate().Allows(path, FieldAction.Read, Subject.None))
                    {
                        throw FieldEnforcementMiddleware.Forbidden(c, path == CatalogPaths.Status
                            ? $"leaving removed residents out decides on {path}, which task '{c.RequestContext().Task}' may not read: pass includeRemoved: true."
                            : $"searching by {path} needs read access to it in task '{c.RequestContext().Task}'.");
                    }
                }

                var first = Math.Clamp(c.GetArgument<int?>("first") ?? 20, 1, SearchCap);
                var orderByKana = c.Gate().Allows(CatalogPaths.NameKana, FieldAction.Read, Subject.None);
                var search = new ResidentSearch(kana.Length > 0 ? kana : null, name.Length > 0 ? name : null, address.Length > 0 ? address : null, birthDate)
                {
                    AliasKey = alias.Length > 0 ? alias : null,
                    IncludeRemoved = includeRemoved,
                };
                var found = await c.Loaders().SearchAsync(search, first, orderByKana, c.CancellationToken).ConfigureAwait(false);
                foreach (var (used, path) in keys)
                {
                    // A key used to choose or rank the list, the status that left removed residents out, and 氏名カナ when
                    // it ordered the list, shaped the answer for everyone on it.
                    if (used || (path == CatalogPaths.NameKana && orderByKana))
                    {
                        c.Access().Add(path, found.Select(r => r.AtenaNumber));
                    }
                }

                return found;
            });
        this.AddPrefill();
        Hub.Api.GraphQL.PushTargets.PushTargetQueries.AddPushTargetQueries(this);
        this.AddPolicyQueries();
        this.AddPolicyReviewQueries();
        Hub.Api.GraphQL.Intake.IntakeFields.AddIntakeQueries(this);
        Field<SelfType>("me")
            .Description("A resident principal's own view: record, household, access records, forms and life-event guides, and the household members they act for (法定代理・世帯). A portal sends X-Hub-Task: resident-portal. Staff: FIELD_FORBIDDEN.")
            .Principal(EnforcementMetadata.Resident)
            .ResolveAsync(async c =>
            {
                var gate = c.Gate();
                var self = await c.Loaders().Residents.Load(gate.Self!).GetResultAsync(c.CancellationToken).ConfigureAwait(false)
                    ?? throw HubErrors.NotFound("resident record for this principal");
                gate.OwnHouseholdNumber = self.HouseholdNumber;
                await Portal.PortalFields.ActForHouseholdAsync(c, self).ConfigureAwait(false);
                return self;
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AccessRecordType>>>>("accessRecords")
            .Description($"アクセス記録 about one resident, oldest first (at most {AccessRecordQueries.MaxResults}): privacy officers in the {AuditTask.Code} task only.")
            .Argument<NonNullGraphType<StringGraphType>>("atenaNumber", "宛名番号 of the resident concerned")
            .Argument<DateTimeGraphType>("from", "From (inclusive)")
            .Argument<DateTimeGraphType>("to", "To (exclusive)")
            .Principal(EnforcementMetadata.PrivacyOfficer)
            .ResolveAsync(async c =>
            {
                var atena = Arguments.Number(c, "atenaNumber", "宛名番号");
                var records = await c.RequestServices!.GetRequiredService<AccessRecordQueries>()
                    .AboutAsync(atena, SelfType.Utc(c.GetArgument<DateTime?>("from")), SelfType.Utc(c.GetArgument<DateTime?>("to")), c.CancellationToken)
                    .ConfigureAwait(false);

                // Reading someone's access log is itself recorded.
                c.Access().Add("accessRecords", [atena]);
                return records.Select(r => new AccessRecordView(r, AccessRecordFormat.SplitSubjects(r.SubjectAtenaNumbers))).ToList();
            });
    }
}
