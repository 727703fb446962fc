using Hub.Policy.Checking;
using Hub.Policy.Invariants;
using Hub.Policy.Model;
using Hub.Policy.Persistence;

namespace Hub.Policy.Administration;

/// <summary>Four eyes (起案 → 審査 → 決裁): submission, approval by a second officer, return, and the invariants.</summary>
public sealed partial class PolicyAdministration
{
    /// <summary>The invariants every approval is checked against (empty when none are configured).</summary>
    public InvariantSet Invariants => invariants ?? InvariantSet.Empty;

    /// <summary>
    /// 起案 → 審査: submits a draft for review. Refused (<see cref="PolicyReviewException"/>, recorded) when it is not a
    /// draft, does not check, or has an allow without a legal basis (法的根拠).
    /// </summary>
    public async Task<PolicyVersion> SubmitAsync(int number, string actor, string reason, CancellationToken cancellationToken = default)
    {
        RequireReason(reason);
        var version = await RequireAsync(number, cancellationToken).ConfigureAwait(false);
        var problems = new List<string>();
        if (version.State != PolicyVersionState.Draft)
        {
            problems.Add($"version {number} is {version.State}: only a draft can be submitted for review");
        }

        problems.AddRange(Check(version).Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        if (problems.Count == 0)
        {
            problems.AddRange(AllowsWithoutBasis(version).Select(r => $"line {r.Line}: an allow needs a legal basis (法的根拠): {r}"));
        }

        await RefuseIfAnyAsync(version, problems, actor, reason, cancellationToken).ConfigureAwait(false);
        return await store.TransitionAsync(version, PolicyVersionState.InReview, PolicyAuditAction.Submitted, actor, reason, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// 審査 → 決裁: approves a version under review. Refused (<see cref="PolicyReviewException"/>, recorded) when it is
    /// not under review, the approver created, edited or submitted it, it does not check, or an invariant is violated
    /// (each named with a counterexample).
    /// </summary>
    public async Task<PolicyVersion> ApproveAsync(int number, string approver, string reason, CancellationToken cancellationToken = default)
    {
        RequireReason(reason);
        var version = await RequireAsync(number, cancellationToken).ConfigureAwait(false);
        var problems = new List<string>();
        if (version.State != PolicyVersionState.InReview)
        {
            problems.Add($"version {number} is {version.State}: only a version under review can be approved");
        }

        var authors = await AuthorsAsync(version, cancellationToken).ConfigureAwait(false);
        if (authors.Contains(approver))
        {
            problems.Add($"{approver} wrote or submitted version {number}: the approver must be another officer (四つの目)");
        }

        var errors = Check(version).Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        problems.AddRange(errors);
        if (errors.Count == 0)
        {
            problems.AddRange(InvariantChecker.Check(Build(version), catalog, Invariants, OrdinancesOf(version)).Select(v => v.ToString()));
        }

        await RefuseIfAnyAsync(version, problems, approver, reason, cancellationToken).ConfigureAwait(false);
        return await store.TransitionAsync(version, PolicyVersionState.Approved, PolicyAuditAction.Approved, approver, reason, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>差戻し: returns a version under review or approved to a draft its authors can edit again.</summary>
    public async Task<PolicyVersion> ReturnAsync(int number, string actor, string reason, CancellationToken cancellationToken = default)
    {
        RequireReason(reason);
        var version = await RequireAsync(number, cancellationToken).ConfigureAwait(false);
        if (version.State is not (PolicyVersionState.InReview or PolicyVersionState.Approved))
        {
            await RefuseIfAnyAsync(version, [$"version {number} is {version.State}: only a version under review or approved can be returned"], actor, reason, cancellationToken).ConfigureAwait(false);
        }

        return await store.TransitionAsync(version, PolicyVersionState.Draft, PolicyAuditAction.Returned, actor, reason, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The invariants a version violates, one counterexample each. Throws <see cref="PolicyDraftRejectedException"/>
    /// when the version does not parse or check (there is nothing to evaluate).
    /// </summary>
    public async Task<IReadOnlyList<InvariantViolation>> CheckInvariantsAsync(int number, CancellationToken cancellationToken = default)
    {
        var version = await RequireAsync(number, cancellationToken).ConfigureAwait(false);
        var errors = Check(version).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new PolicyDraftRejectedException(number, errors);
        }

        return InvariantChecker.Check(Build(version), catalog, Invariants, OrdinancesOf(version));
    }

    /// <summary>Who wrote a version: its author and every officer who created, edited or submitted it (from the audit trail).</summary>
    public async Task<IReadOnlySet<string>> AuthorsAsync(PolicyVersion version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        var trail = await store.AuditTrailAsync(cancellationToken).ConfigureAwait(false);
        var authors = trail
            .Where(r => r.Version == version.Number && r.Action is PolicyAuditAction.DraftCreated or PolicyAuditAction.DraftUpdated or PolicyAuditAction.Submitted)
            .Select(r => r.Actor)
            .ToHashSet(StringComparer.Ordinal);
        authors.Add(version.Author);
        return authors;
    }

    /// <summary>The allow lines of a version whose legal basis column is missing or blank.</summary>
    public static IReadOnlyList<PolicyRule> AllowsWithoutBasis(PolicyVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var model = PolicyModel.Parse(version.ModelText, $"v{version.Number}/model.conf");
        var tokens = model.PolicyDefinitions.TryGetValue("p", out var p) ? p.ToList() : [];
        var eft = tokens.IndexOf("eft");
        var basis = tokens.IndexOf("basis");
        return PolicyCsvReader.Parse(version.PolicyText, $"v{version.Number}/policy.csv")
            .Where(r => r.Type == "p" && (eft < 0 || (r.Values.Count > eft && r.Values[eft] == "allow")))
            .Where(r => basis < 0 || r.Values.Count <= basis || string.IsNullOrWhiteSpace(r.Values[basis]))
            .ToList();
    }

    private async Task RefuseIfAnyAsync(PolicyVersion version, List<string> problems, string actor, string reason, CancellationToken cancellationToken)
    {
        if (problems.Count > 0)
        {
            await store.AppendAuditAsync(PolicyAuditAction.ReviewRefused, version.Number, actor, reason, string.Join("; ", problems), cancellationToken).ConfigureAwait(false);
            throw new PolicyReviewException(version.Number, problems);
        }
    }
}
