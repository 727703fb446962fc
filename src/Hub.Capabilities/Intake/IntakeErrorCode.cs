namespace Hub.Capabilities.Intake;

/// <summary>Why intake refused a request; the transport maps each to its error code.</summary>
public enum IntakeErrorCode
{
    /// <summary>Bad input (unknown event, person, form or item; a missing message): BAD_USER_INPUT naming the field.</summary>
    BadInput,

    /// <summary>The same idempotency key is in flight: CONFLICT (409). Also a leg changed by someone else meanwhile.</summary>
    Conflict,

    /// <summary>The idempotency key was used with another payload: UNPROCESSABLE (422).</summary>
    Unprocessable,

    /// <summary>The status model does not allow the change: INVALID_TRANSITION naming both states.</summary>
    InvalidTransition,

    /// <summary>The department does not own the leg: FIELD_FORBIDDEN.</summary>
    Forbidden,

    /// <summary>No such case, leg or notice (for this principal): NOT_FOUND.</summary>
    NotFound,

    /// <summary>An attachment over a limit: refused with the limit.</summary>
    LimitExceeded,
}
