using Hub.Adapters.Catalog;
using Hub.Capabilities.Requests;
using Hub.Policy.Masks;

namespace Hub.Capabilities.Requests;

/// <summary>
/// One request's decisions about personal data. A staff user's come from the <see cref="FieldMask"/> of (user, task)
/// under the policy version in force; a resident principal may see only their own data (and their household's) and
/// nothing about anyone else, whatever the policy says. No mask (no version in force) allows nothing.
/// </summary>
public sealed class FieldGate
{
    private readonly FieldMask? _mask;
    private readonly FieldCatalog _catalog;

    private FieldGate(FieldMask? mask, FieldCatalog catalog, string? self, bool privacyOfficer, string policyVersion)
    {
        _mask = mask;
        _catalog = catalog;
        Self = self;
        IsPrivacyOfficer = privacyOfficer;
        PolicyVersion = policyVersion;
    }

    /// <summary>The field catalog decisions are about.</summary>
    public FieldCatalog Catalog => _catalog;

    /// <summary>宛名番号 of a resident principal; null for staff.</summary>
    public string? Self { get; }

    /// <summary>True for a resident principal.</summary>
    public bool IsResident => Self is not null;

    /// <summary>True for a staff user holding the privacy officer role in the audit task.</summary>
    public bool IsPrivacyOfficer { get; }

    /// <summary>The policy version decisions come from ("none" before the first publication).</summary>
    public string PolicyVersion { get; }

    /// <summary>A resident principal's household, once <c>me</c> has loaded it.</summary>
    public string? OwnHouseholdNumber { get; set; }

    /// <summary>A staff user's gate.</summary>
    public static FieldGate ForStaff(FieldMask? mask, FieldCatalog catalog, bool privacyOfficer) =>
        new(mask, catalog, null, privacyOfficer, mask?.Version ?? "none");

    /// <summary>A resident principal's gate.</summary>
    public static FieldGate ForResident(HubRequestContext context, FieldCatalog catalog, string? policyVersion) =>
        new(null, catalog, context.ResidentAtenaNumber, false, policyVersion ?? "none");

    /// <summary>Whether <paramref name="path"/> of <paramref name="subject"/> may be used for <paramref name="action"/>.</summary>
    public bool Allows(string path, FieldAction action, Subject subject)
    {
        if (Self is { } self)
        {
            return action == FieldAction.Read && (subject.AtenaNumbers.Contains(self, StringComparer.Ordinal)
                || (subject.HouseholdNumber is { } household && household == OwnHouseholdNumber && path.StartsWith("household.", StringComparison.Ordinal)));
        }

        return _mask is not null && _mask.Allows(path, action);
    }

    /// <summary>Whether every one of <paramref name="paths"/> of <paramref name="subject"/> may be used for <paramref name="action"/>.</summary>
    public bool AllowsAll(IEnumerable<string> paths, FieldAction action, Subject subject) => paths.All(p => Allows(p, action, subject));

    /// <summary>Whether some field of <paramref name="record"/> (e.g. <c>tax</c>) may be read for <paramref name="subject"/>.</summary>
    public bool AllowsAny(string record, Subject subject) =>
        _catalog.Fields.Any(f => f.Record == record && Allows(f.Path, FieldAction.Read, subject));
}
