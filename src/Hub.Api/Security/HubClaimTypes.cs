namespace Hub.Api.Security;

/// <summary>Claim names in the hub's bearer tokens, kept as in the JWT (inbound claim mapping is off).</summary>
internal static class HubClaimTypes
{
    /// <summary>The user id of a staff member, or the resident principal's id.</summary>
    public const string Subject = "sub";

    /// <summary>Roles; one claim per role (a JSON array in the token).</summary>
    public const string Roles = "roles";

    /// <summary>宛名番号 of a resident principal (portal apps).</summary>
    public const string AtenaNumber = "atena";

    /// <summary>Expiry (Unix seconds), required in every token.</summary>
    public const string Expires = "exp";

    /// <summary>Authorized party: the client the token was issued to.</summary>
    public const string AuthorizedParty = "azp";

    /// <summary>The role every resident principal carries.</summary>
    public const string ResidentRole = "resident";
}
