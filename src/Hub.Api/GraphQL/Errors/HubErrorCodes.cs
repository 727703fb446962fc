namespace Hub.Api.GraphQL.Errors;

/// <summary>The hub's error codes, in <c>errors[].extensions.code</c>.</summary>
public static class HubErrorCodes
{
    /// <summary>A field the caller's task may not see; the field is null.</summary>
    public const string FieldForbidden = "FIELD_FORBIDDEN";

    /// <summary>The request lacks its context (task or purpose); nothing was resolved.</summary>
    public const string ContextRequired = "CONTEXT_REQUIRED";

    /// <summary>The requested record does not exist.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>Over a depth, complexity, size or time limit.</summary>
    public const string LimitExceeded = "LIMIT_EXCEEDED";

    /// <summary>No valid bearer token.</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>An argument's value is malformed (a cursor, criteria JSON, an id, a date, a form id); <c>extensions.argument</c> names it.</summary>
    public const string BadUserInput = "BAD_USER_INPUT";

    /// <summary>The HTTP request is not a well-formed GraphQL-over-HTTP request (body, parameters, batching).</summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>A field failed inside the hub (e.g. the database is unreachable); details are logged, not returned.</summary>
    public const string InternalError = "INTERNAL_ERROR";

    /// <summary>
    /// Personal data is not served because the access log is not anchored: no checkpoint the witness holds covers access
    /// records older than <c>Hub:Audit:Checkpoints:MaxLag</c>, or the witness refused the log. HTTP 503, <c>data: null</c>;
    /// requests that touch no personal data still work. <c>/healthz</c> is Unhealthy meanwhile.
    /// </summary>
    public const string AuditUnanchored = "AUDIT_UNANCHORED";

    /// <summary>A policy version was not published because it does not parse or check; <c>extensions.diagnostics</c> lists the checker's errors.</summary>
    public const string PolicyRejected = "POLICY_REJECTED";

    /// <summary>Another publication got there first (the draft's base is no longer in force); draft again from the version in force.</summary>
    public const string PolicyConflict = "POLICY_CONFLICT";

    /// <summary>
    /// A four-eyes step was refused (起案 → 審査 → 決裁): not in the state the step needs, the approver wrote the draft, an
    /// allow without legal basis, a violated invariant (with a counterexample), or publishing an unapproved version;
    /// <c>extensions.problems</c> lists every reason. Nothing changed; the refusal is in the policy audit trail.
    /// </summary>
    public const string PolicyReviewRefused = "POLICY_REVIEW_REFUSED";
    /// <summary>A submission with the same Idempotency-Key is still in flight (HTTP 409), or a leg changed meanwhile; retry.</summary>
    public const string Conflict = "CONFLICT";

    /// <summary>An Idempotency-Key was sent again with another payload (HTTP 422); a new application needs a new key.</summary>
    public const string Unprocessable = "UNPROCESSABLE";

    /// <summary>The leg status model does not allow the change; the message names both states.</summary>
    public const string InvalidTransition = "INVALID_TRANSITION";
}
