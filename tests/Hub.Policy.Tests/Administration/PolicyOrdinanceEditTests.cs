using Hub.Policy.Administration;
using Hub.Policy.Catalog;
using Hub.Policy.Invariants;
using Hub.Policy.Ordinances;
using Hub.Policy.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Policy.Tests.Administration;

/// <summary>Editing a draft's 条例・別表の表 on the in-memory store: rows, refusals, the trail, copies and the <c>!ordinance</c> invariant.</summary>
public sealed class PolicyOrdinanceEditTests
{
    private static readonly string Model = File.ReadAllText(HubPolicyFiles.Model);
    private const string Policy = "p, role:a, t, resident.name, read, allow, 住民基本台帳法\np, role:a, t, resident.myNumber, read, allow, 番号法 第9条 別表\ng, u, role:a, t\n";
    private const string FileTable = "task,field,actions,basis\nt,resident.myNumber,read|lookup,番号法 第9条第1項 別表\n";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 4, 1, 9, 0, 0, TimeSpan.FromHours(9)));
    private readonly InMemoryPolicyVersionStore _store;
    private readonly FieldCatalog _catalog = new([("resident.name", "基本4情報"), ("resident.address", "基本4情報"), ("resident.myNumber", FieldCatalog.MyNumberClassification)]);

    public PolicyOrdinanceEditTests() => _store = new InMemoryPolicyVersionStore(_time);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PolicyAdministration Admin(InvariantSet? invariants = null) => new(_store, _catalog, _time, OrdinanceTable.Parse(FileTable), invariants);

    private async Task<PolicyVersion> DraftAsync(PolicyAdministration admin)
    {
        var v1 = await admin.CreateDraftAsync("author", "initial", Model, Policy, cancellationToken: Ct);
        await admin.ApproveAndPublishAsync(v1.Number, "author", "initial", Ct);
        return await admin.CreateDraftAsync("author", "条例改正", Model, Policy, v1.Number, Ct);
    }

    [Fact]
    public async Task AddOrdinanceRow_StartsFromTheFileTableAndIsRecorded()
    {
        var admin = Admin();
        var draft = await DraftAsync(admin);
        Assert.Null(draft.OrdinancesText);

        var edited = await admin.AddOrdinanceRowAsync(draft.Number, "author", "住所の別表追加", "t2", "resident.address", ["read"], "条例 第3条", Ct);

        var rows = admin.OrdinancesOf(edited)!.Entries.Select(e => (e.Task, e.Field, string.Join('|', e.Actions), e.LegalBasis)).ToList();
        Assert.Equal([("t", "resident.myNumber", "read|lookup", "番号法 第9条第1項 別表"), ("t2", "resident.address", "read", "条例 第3条")], rows);
        var last = (await _store.AuditTrailAsync(Ct))[^1];
        Assert.Equal((PolicyAuditAction.DraftUpdated, "author", draft.Number), (last.Action, last.Actor, last.Version));
        Assert.Contains("住所の別表追加", last.Reason, StringComparison.Ordinal);
        Assert.Contains("ordinance table: add t2 resident.address", last.Reason, StringComparison.Ordinal);
        Assert.True((await admin.VerifyAsync(Ct)).IsIntact);
    }

    [Fact]
    public async Task RemoveOrdinanceRow_RemovesOnlyThatRow_UnknownRowRefused()
    {
        var admin = Admin();
        var draft = await DraftAsync(admin);
        draft = await admin.AddOrdinanceRowAsync(draft.Number, "author", "追加", "t2", "resident.*", ["read", "lookup"], "条例 第3条", Ct);

        var removed = await admin.RemoveOrdinanceRowAsync(draft.Number, "author", "削除", "t", "resident.myNumber", Ct);

        Assert.Equal(["t2"], admin.OrdinancesOf(removed)!.Entries.Select(e => e.Task));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => admin.RemoveOrdinanceRowAsync(draft.Number, "author", "削除", "t", "resident.myNumber", Ct));
    }

    [Fact]
    public async Task AddAndRemove_KeepTheTablesCommentsAndOtherLines()
    {
        const string commented = "# 番号法 別表 / 条例 第3条 (令和7年改正)\ntask,field,actions,basis\n# 国保: 資格確認\nt,resident.myNumber,read|lookup,番号法 第9条第1項 別表\n\n# 住所 (条例)\nt3,resident.address,read,条例 第4条\n";
        var admin = new PolicyAdministration(_store, _catalog, _time, OrdinanceTable.Parse(commented), null);
        var draft = await DraftAsync(admin);

        var added = await admin.AddOrdinanceRowAsync(draft.Number, "author", "追加", "t2", "resident.name", ["read"], "条例 第5条", Ct);
        var removed = await admin.RemoveOrdinanceRowAsync(draft.Number, "author", "削除", "t", "resident.myNumber", Ct);

        Assert.Equal(commented + "t2,resident.name,read,条例 第5条\n", added.OrdinancesText);
        Assert.Equal("# 番号法 別表 / 条例 第3条 (令和7年改正)\ntask,field,actions,basis\n# 国保: 資格確認\n\n# 住所 (条例)\nt3,resident.address,read,条例 第4条\nt2,resident.name,read,条例 第5条\n", removed.OrdinancesText);
        Assert.Equal(["t3", "t2"], admin.OrdinancesOf(removed)!.Entries.Select(e => e.Task));
    }

    [Fact]
    public async Task Edits_WithoutReasonBasisOrCatalogField_RefusedAndNothingChanges()
    {
        var admin = Admin();
        var draft = await DraftAsync(admin);

        await Assert.ThrowsAsync<PolicyReasonException>(() => admin.AddOrdinanceRowAsync(draft.Number, "author", " ", "t2", "resident.name", ["read"], "条例", Ct));
        await Assert.ThrowsAsync<PolicyReasonException>(() => admin.RemoveOrdinanceRowAsync(draft.Number, "author", "", "t", "resident.myNumber", Ct));
        await Assert.ThrowsAsync<PolicyReasonException>(() => admin.ReplaceOrdinancesAsync(draft.Number, "author", "", FileTable, Ct));
        Assert.Equal("basis", (await Assert.ThrowsAsync<ArgumentException>(() => admin.AddOrdinanceRowAsync(draft.Number, "author", "理由", "t2", "resident.name", ["read"], " ", Ct))).ParamName);
        Assert.Equal("field", (await Assert.ThrowsAsync<ArgumentException>(() => admin.AddOrdinanceRowAsync(draft.Number, "author", "理由", "t2", "tax.income", ["read"], "条例", Ct))).ParamName);
        Assert.Equal("field", (await Assert.ThrowsAsync<ArgumentException>(() => admin.AddOrdinanceRowAsync(draft.Number, "author", "理由", "t2", "tax.*", ["read"], "条例", Ct))).ParamName);
        Assert.Equal("actions", (await Assert.ThrowsAsync<ArgumentException>(() => admin.AddOrdinanceRowAsync(draft.Number, "author", "理由", "t2", "resident.name", ["write"], "条例", Ct))).ParamName);

        var unparseable = await Assert.ThrowsAsync<PolicyDraftRejectedException>(() => admin.ReplaceOrdinancesAsync(draft.Number, "author", "理由", "task,field,actions,basis\nt,resident.name,read\n", Ct));
        Assert.Equal(2, Assert.Single(unparseable.Errors).Line);
        var unknownField = await Assert.ThrowsAsync<PolicyDraftRejectedException>(() => admin.ReplaceOrdinancesAsync(draft.Number, "author", "理由", "task,field,actions,basis\nt,resident.name,read,条例\nt,tax.income,read,条例\n", Ct));
        Assert.Equal(3, Assert.Single(unknownField.Errors).Line);

        Assert.Null((await _store.GetAsync(draft.Number, Ct))!.OrdinancesText);
    }

    [Fact]
    public async Task Edits_OnAVersionThatIsNotADraft_Refused()
    {
        var admin = Admin();
        var draft = await DraftAsync(admin);
        await admin.SubmitAsync(draft.Number, "author", "審査", Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => admin.AddOrdinanceRowAsync(draft.Number, "author", "理由", "t2", "resident.name", ["read"], "条例", Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => admin.ReplaceOrdinancesAsync(1, "author", "理由", FileTable, Ct));
    }

    [Fact]
    public async Task NewDraft_CopiesItsBasesTable_AndRollbackBringsItBack()
    {
        var admin = Admin();
        var draft = await DraftAsync(admin);
        var table = "task,field,actions,basis\nt,resident.myNumber,read,番号法 第9条第1項 別表\nt2,resident.name,read,条例 第3条\n";
        await admin.ReplaceOrdinancesAsync(draft.Number, "author", "別表改正", table, Ct);
        var published = await admin.ApproveAndPublishAsync(draft.Number, "author", "公開", Ct);
        Assert.Equal(table, published.OrdinancesText);

        var next = await admin.CreateDraftAsync("author", "次", Model, Policy, published.Number, Ct);
        Assert.Equal(table, next.OrdinancesText);

        var rolledBack = await admin.RollbackAsync(1, "author", "戻す", Ct);
        Assert.Null(rolledBack.OrdinancesText);
    }

    [Fact]
    public async Task Submit_DraftWhoseTableNoLongerListsATaskReadingMyNumber_RefusedAndTheOrdinanceInvariantViolated()
    {
        var invariants = InvariantSet.Parse("id,subjects,tasks,fields,actions,statement\nmynumber-ordinance-only,*,!ordinance,resident.myNumber,*,条例・別表にない事務は個人番号を読まない\n", _catalog);
        var admin = Admin(invariants);
        var draft = await DraftAsync(admin);
        draft = await admin.AddOrdinanceRowAsync(draft.Number, "author", "別表整理", "t2", "resident.name", ["read"], "条例 第3条", Ct);
        draft = await admin.RemoveOrdinanceRowAsync(draft.Number, "author", "別表整理", "t", "resident.myNumber", Ct);
        Assert.Empty(await admin.CheckInvariantsAsync(1, Ct)); // version 1 has the file's table, which lists t

        // The invariant, evaluated over the draft's own table, names the counterexample ...
        var violations = InvariantChecker.Check(PolicyAdministration.Build(draft), _catalog, invariants, admin.OrdinancesOf(draft));
        Assert.Contains(violations, v => v.ToString().Contains("mynumber-ordinance-only", StringComparison.Ordinal));

        // ... and the draft cannot go to review (審査), let alone be approved: the ordinance check of the draft's own
        // table reports the task before the invariants run.
        var refused = await Assert.ThrowsAsync<PolicyReviewException>(() => admin.SubmitAsync(draft.Number, "author", "審査", Ct));
        Assert.Contains(refused.Problems, p => p.Contains("ordinance table does not list", StringComparison.Ordinal) && p.Contains("in task 't'", StringComparison.Ordinal));
        Assert.Equal(PolicyVersionState.Draft, (await _store.GetAsync(draft.Number, Ct))!.State);
    }
}
