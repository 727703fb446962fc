using Hub.Policy.Catalog;
using Hub.Policy.Checking;
using Hub.Policy.Enforcement;
using Hub.Policy.Invariants;
using Hub.Policy.Masks;
using Hub.Policy.Model;
using Hub.Policy.Ordinances;
using Hub.Policy.Persistence;

namespace Hub.Policy.Administration;

/// <summary>
/// The privacy officers' policy administration (ポリシー管理): drafts, checks, publication, rollback, diffs and previews
/// over an <see cref="IPolicyVersionStore"/>. A version that fails to parse or check (including against the ordinance
/// table, when one is given) is never published; every change leaves an audit record. Publication needs four eyes
/// (起案 → 審査 → 決裁, <c>PolicyAdministration.Review.cs</c>): a version is published only once an officer other than its
/// authors approved it, and only while the city's invariants hold.
/// </summary>
public sealed partial class PolicyAdministration(IPolicyVersionStore store, FieldCatalog catalog, TimeProvider timeProvider, OrdinanceTable? ordinances = null, InvariantSet? invariants = null)
{
    private static readonly string[] Actions = ["read", "extract", "lookup"];

    /// <summary>Creates a draft; <paramref name="basedOn"/> records where it started from.
    /// The draft copies its base's ordinance table (条例・別表の表).</summary>
    public async Task<PolicyVersion> CreateDraftAsync(string author, string reason, string modelText, string policyText, int? basedOn = null, CancellationToken cancellationToken = default)
    {
        RequireReason(reason);
        var ordinancesText = basedOn is { } b ? (await RequireAsync(b, cancellationToken).ConfigureAwait(false)).OrdinancesText : null;
        return await store.AddAsync(new PolicyVersion(0, PolicyVersionState.Draft, modelText, policyText, author, timeProvider.GetUtcNow(), reason, basedOn, OrdinancesText: ordinancesText), PolicyAuditAction.DraftCreated, author, reason, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces the policy (and optionally the model) of a draft.</summary>
    public async Task<PolicyVersion> UpdateDraftAsync(int number, string author, string reason, string policyText, string? modelText = null, CancellationToken cancellationToken = default)
    {
        RequireReason(reason);
        var draft = await RequireAsync(number, cancellationToken).ConfigureAwait(false);
        return await store.UpdateDraftAsync(draft with { PolicyText = policyText, ModelText = modelText ?? draft.ModelText, Author = author, CreatedAt = timeProvider.GetUtcNow(), Reason = reason }, author, reason, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Everything <c>hub policy check</c> would say about a version, plus its disagreements with the ordinance table.</summary>
    public async Task<IReadOnlyList<PolicyDiagnostic>> CheckAsync(int number, CancellationToken cancellationToken = default) =>
        Check(await RequireAsync(number, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Publishes an approved version (決裁済). Throws <see cref="PolicyReviewException"/> when it is not approved,
    /// <see cref="PolicyPublicationException"/> when it has errors, and
    /// <see cref="PolicyVersionConflictException"/> when another publication got there first: the draft is based on a
    /// version that is no longer in force, or the version in force changed while this one was being checked. Every
    /// refusal is recorded and leaves the version in force.
    /// </summary>
    public async Task<PolicyVersion> PublishAsync(int number, string publisher, string reason, CancellationToken cancellationToken = default)
    {
        RequireReason(reason);
        var version = await RequireAsync(number, cancellationToken).ConfigureAwait(false);
        if (version.State != PolicyVersionState.Approved)
        {
            var unapproved = new PolicyReviewException(number, [$"version {number} is {version.State}, not approved: submit it for review (審査) and have another officer approve it (決裁) before publishing"]);
            await store.AppendAuditAsync(PolicyAuditAction.PublishRejected, number, publisher, reason, unapproved.Problems[0], cancellationToken).ConfigureAwait(false);
            throw unapproved;
        }

        var inForce = await store.GetPublishedNumberAsync(cancellationToken).ConfigureAwait(false);
        if (version.BasedOn is { } basis && basis != inForce
            && await store.GetAsync(basis, cancellationToken).ConfigureAwait(false) is { State: not PolicyVersionState.Draft })
        {
            // Publishing it would silently drop whatever was published on top of its base (a lost update).
            var conflict = new PolicyVersionConflictException(number, $"version {number} is based on version {basis}, but {Describe(inForce)} is in force: draft it again from the version in force");
            await store.AppendAuditAsync(PolicyAuditAction.PublishRejected, number, publisher, reason, conflict.Message, cancellationToken).ConfigureAwait(false);
            throw conflict;
        }

        await EnsurePublishableAsync(version, publisher, reason, cancellationToken).ConfigureAwait(false);
        return await PublishCheckedAsync(version, inForce, PolicyAuditAction.Published, publisher, reason, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Brings back an earlier version as a new published version (history is never rewritten).</summary>
    public async Task<PolicyVersion> RollbackAsync(int toNumber, string actor, string reason, CancellationToken cancellationToken = default)
    {
        RequireReason(reason);
        var target = await RequireAsync(toNumber, cancellationToken).ConfigureAwait(false);
        var inForce = await store.GetPublishedNumberAsync(cancellationToken).ConfigureAwait(false);
        var copy = await store.AddAsync(new PolicyVersion(0, PolicyVersionState.Draft, target.ModelText, target.PolicyText, actor, timeProvider.GetUtcNow(), reason, toNumber, OrdinancesText: target.OrdinancesText), PolicyAuditAction.DraftCreated, actor, $"rollback to version {toNumber}: {reason}", cancellationToken).ConfigureAwait(false);
        await EnsurePublishableAsync(copy, actor, reason, cancellationToken).ConfigureAwait(false);
        return await PublishCheckedAsync(copy, inForce, PolicyAuditAction.RolledBack, actor, reason, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Makes the given model and policy version 1, published, when the store holds no version (a new database); returns
    /// it, or null when versions exist. Throws <see cref="PolicyPublicationException"/> when the text has errors: a
    /// policy that fails to check is not published, not even the first.
    /// </summary>
    public async Task<PolicyVersion?> SeedAsync(string actor, string reason, string modelText, string policyText, CancellationToken cancellationToken = default)
    {
        if (await store.GetAsync(1, cancellationToken).ConfigureAwait(false) is not null)
        {
            return null;
        }

        var now = timeProvider.GetUtcNow();
        var version = new PolicyVersion(1, PolicyVersionState.Draft, modelText, policyText, actor, now, reason);
        var errors = Check(version).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new PolicyPublicationException(1, errors);
        }

        return await store.SeedAsync(version, now, actor, reason, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks the stored history: the audit hash chain, and every version's text against the digest the chain sealed for it.</summary>
    public async Task<PolicyAuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var trail = await store.AuditTrailAsync(cancellationToken).ConfigureAwait(false);
        var versions = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        return new PolicyAuditVerification(PolicyAuditChain.Verify(trail), PolicyAuditChain.VerifyVersions(trail, versions));
    }

    /// <summary>Rules added and removed from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public async Task<PolicyDiff> DiffAsync(int from, int to, CancellationToken cancellationToken = default)
    {
        var a = await RequireAsync(from, cancellationToken).ConfigureAwait(false);
        var b = await RequireAsync(to, cancellationToken).ConfigureAwait(false);
        var before = PolicyCsvReader.Parse(a.PolicyText);
        var after = PolicyCsvReader.Parse(b.PolicyText);
        static string Key(PolicyRule r) => r.Type + "\u001F" + string.Join('\u001F', r.Values);
        var beforeKeys = before.Select(Key).ToHashSet(StringComparer.Ordinal);
        var afterKeys = after.Select(Key).ToHashSet(StringComparer.Ordinal);
        return new PolicyDiff(from, to, a.ModelText != b.ModelText, after.Where(r => !beforeKeys.Contains(Key(r))).ToList(), before.Where(r => !afterKeys.Contains(Key(r))).ToList());
    }

    /// <summary>
    /// Which (user, task, field, action) decisions a draft changes against the version in force, for every user the
    /// roles of either version name in a task and every catalog field; and, for each form (name → field paths), which
    /// items would lose or gain their pre-filled value.
    /// </summary>
    public async Task<PolicyPreview> PreviewAsync(int draftNumber, IReadOnlyDictionary<string, IReadOnlyList<string>>? forms = null, CancellationToken cancellationToken = default)
    {
        var draft = await RequireAsync(draftNumber, cancellationToken).ConfigureAwait(false);
        var current = await store.GetPublishedAsync(cancellationToken).ConfigureAwait(false);
        // A draft that does not parse or check has no decisions to compare: the checker's errors instead of a crash.
        var errors = Check(draft).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new PolicyDraftRejectedException(draft.Number, errors);
        }

        var after = Build(draft);
        var before = current is null ? new Enforcer(after.Model) : Build(current);
        var pairs = UserTasks(after).Concat(UserTasks(before)).Distinct().OrderBy(p => p.User, StringComparer.Ordinal).ThenBy(p => p.Task, StringComparer.Ordinal).ToList();
        var decisions = new List<DecisionChange>();
        var items = new List<FormItemChange>();
        foreach (var (user, task) in pairs)
        {
            var maskBefore = new FieldMask(before, user, task, "before", []);
            var maskAfter = new FieldMask(after, user, task, "after", []);
            foreach (var field in catalog.Paths)
            {
                foreach (var action in Enum.GetValues<FieldAction>())
                {
                    var b = maskBefore.Explain(field, action);
                    var a = maskAfter.Explain(field, action);
                    if (a.Allowed != b.Allowed)
                    {
                        decisions.Add(new DecisionChange(user, task, field, Actions[(int)action], b.Allowed, a.Allowed, b.Rule, a.Rule));
                    }
                }
            }

            foreach (var (form, fields) in forms ?? new Dictionary<string, IReadOnlyList<string>>())
            {
                items.AddRange(fields.Where(f => maskBefore.Allows(f) != maskAfter.Allows(f)).Select(f => new FormItemChange(form, user, task, f, maskAfter.Allows(f))));
            }
        }

        return new PolicyPreview(draftNumber, current?.Number, decisions, items);
    }

    /// <summary>Builds an enforcer for a stored version (for the hub's nodes and for previews).</summary>
    public static Enforcer Build(PolicyVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var enforcer = new Enforcer(PolicyModel.Parse(version.ModelText, $"v{version.Number}/model.conf"), PolicyCsvReader.Parse(version.PolicyText, $"v{version.Number}/policy.csv"));
        enforcer.Compile(EnforceContext.Default); // fail here, not on the first request
        return enforcer;
    }

    private static IEnumerable<(string User, string Task)> UserTasks(Enforcer enforcer) =>
        enforcer.GetGroupingPolicy().Where(g => g.Count >= 3).Select(g => (g[0], g[2]));

    // Refuses a blank reason before anything is read or written; the store, for chaining.
    private IPolicyVersionStore RequireReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? throw new PolicyReasonException() : store;

    private IReadOnlyList<PolicyDiagnostic> Check(PolicyVersion version)
    {
        var model = $"v{version.Number}/model.conf";
        var policy = $"v{version.Number}/policy.csv";
        var diagnostics = PolicyChecker.Check(version.ModelText, model, version.PolicyText, policy, catalog).ToList();
        var table = version.OrdinancesText is null ? ordinances : null;
        if (version.OrdinancesText is { } text)
        {
            try
            {
                table = OrdinanceTable.Parse(text, $"v{version.Number}/ordinances.csv");
            }
            catch (PolicyFormatException ex)
            {
                diagnostics.Add(new PolicyDiagnostic(DiagnosticSeverity.Error, $"v{version.Number}/ordinances.csv", ex.Line, ex.Column, ex.Problem));
            }
        }

        if (table is not null && diagnostics.All(d => d.Severity != DiagnosticSeverity.Error))
        {
            diagnostics.AddRange(OrdinanceChecker.Check(PolicyCsvReader.Parse(version.PolicyText, policy), policy, table, OrdinancesSource(version), catalog));
        }

        return diagnostics;
    }

    private async Task EnsurePublishableAsync(PolicyVersion version, string actor, string reason, CancellationToken cancellationToken)
    {
        var errors = Check(version).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            await store.AppendAuditAsync(PolicyAuditAction.PublishRejected, version.Number, actor, reason, string.Join("; ", errors), cancellationToken).ConfigureAwait(false);
            throw new PolicyPublicationException(version.Number, errors);
        }
    }

    private async Task<PolicyVersion> PublishCheckedAsync(PolicyVersion version, int? replacing, PolicyAuditAction action, string actor, string reason, CancellationToken cancellationToken)
    {
        try
        {
            return await store.PublishAsync(version, replacing, timeProvider.GetUtcNow(), actor, action, reason, cancellationToken).ConfigureAwait(false);
        }
        catch (PolicyVersionConflictException conflict)
        {
            await store.AppendAuditAsync(PolicyAuditAction.PublishRejected, version.Number, actor, reason, conflict.Message, cancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    private static string Describe(int? number) => number is { } n ? $"version {n}" : "no version";

    private async Task<PolicyVersion> RequireAsync(int number, CancellationToken cancellationToken) =>
        await store.GetAsync(number, cancellationToken).ConfigureAwait(false) ?? throw new KeyNotFoundException($"policy version {number} does not exist");
}
