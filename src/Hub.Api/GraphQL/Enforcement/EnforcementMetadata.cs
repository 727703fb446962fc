using Hub.Capabilities.Requests;
namespace Hub.Api.GraphQL.Enforcement;

/// <summary>Field metadata keys the enforcement middleware reads.</summary>
internal static class EnforcementMetadata
{
    /// <summary>A catalog path (<c>resident.name</c>): the field is checked against the caller's mask with <c>read</c>.</summary>
    public const string CatalogPath = Types.CatalogFields.PathMetadataKey;

    /// <summary>A catalog record (<c>tax</c>): a relation allowed only when some field of the record may be read.</summary>
    public const string CatalogRecord = "hub:catalogRecord";

    /// <summary>Who may call a root field: <see cref="Staff"/>, <see cref="StaffOrResident"/>, <see cref="Resident"/> or <see cref="PrivacyOfficer"/>.</summary>
    public const string Principal = "hub:principal";

    /// <summary>Staff users (counters): never resident principals.</summary>
    public const string Staff = "staff";

    /// <summary>
    /// Staff users, and resident principals about themselves only (<c>prefill</c> from a portal): the resolver refuses a
    /// resident asking about anyone else before anything is loaded.
    /// </summary>
    public const string StaffOrResident = "staff-or-resident";

    /// <summary>Resident principals only (<c>me</c>).</summary>
    public const string Resident = "resident";

    /// <summary>Privacy officers (個人情報保護担当) in the audit task only.</summary>
    public const string PrivacyOfficer = "privacy-officer";
}
