using System.Collections.Concurrent;
using Hub.Adapters.Catalog;
using Hub.Capabilities.Agency;
using Hub.Data.Entities;
using Hub.Policy.Masks;

namespace Hub.Capabilities.Requests;

/// <summary>
/// One request's decisions about personal data. A staff user's come from the <see cref="FieldMask"/> of (user, task)
/// under the policy version in force; a resident principal may see only their own data (and their household's) and
/// nothing about anyone else, whatever the policy says — except a household member they act for (法定代理・世帯), whose
/// data they read as the policy lets the role of their ground (<see cref="AgencyGround"/>) read it in the request's task.
/// A resident's sign-in (<see cref="AssuranceLevel"/>) bounds all of it: none reads nothing, a password everything but
/// 個人番号, JPKI everything. No mask (no version in force) allows nothing.
/// </summary>
public sealed class FieldGate
{
    private readonly FieldMask? _mask;
    private readonly FieldCatalog _catalog;
    private readonly Func<string, FieldMask?>? _roleMask;
    private readonly ConcurrentDictionary<string, IReadOnlyList<FieldMask>> _agency = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _actedFor = new(StringComparer.Ordinal);

    private FieldGate(FieldMask? mask, FieldCatalog catalog, string? self, bool privacyOfficer, string policyVersion, AssuranceLevel assurance = AssuranceLevel.None, Func<string, FieldMask?>? roleMask = null)
    {
        _mask = mask;
        _catalog = catalog;
        Self = self;
        IsPrivacyOfficer = privacyOfficer;
        PolicyVersion = policyVersion;
        Assurance = assurance;
        _roleMask = roleMask;
    }

    /// <summary>How a resident principal signed in; <see cref="AssuranceLevel.None"/> for staff.</summary>
    public AssuranceLevel Assurance { get; }

    /// <summary>The household members a resident principal may act for, once <c>me</c> has decided them.</summary>
    public IReadOnlyList<(ResidentRecord Member, IReadOnlyList<AgencyGround> Grounds)> Agents { get; private set; } = [];

    /// <summary>宛名番号 of the members whose data a decision allowed on the grounds of acting for them.</summary>
    public IReadOnlyCollection<string> ActedFor => [.. _actedFor.Keys];

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

    /// <summary>
    /// A resident principal's gate. <paramref name="roleMask"/> gives the mask of a policy role in the request's task (the
    /// rows of the grounds for acting for a member); null when no policy version is in force.
    /// </summary>
    public static FieldGate ForResident(HubRequestContext context, FieldCatalog catalog, string? policyVersion, Func<string, FieldMask?>? roleMask = null) =>
        new(null, catalog, context.ResidentAtenaNumber, false, policyVersion ?? "none", context.Assurance, roleMask);

    /// <summary>
    /// Lets a resident principal act for the household members of <paramref name="agents"/>, on their grounds, from now
    /// on in this request. A member none of whose grounds' roles reads anything is still listed, and reads nothing.
    /// </summary>
    public void ActFor(IReadOnlyList<(ResidentRecord Member, IReadOnlyList<AgencyGround> Grounds)> agents)
    {
        ArgumentNullException.ThrowIfNull(agents);
        if (Self is null)
        {
            throw new InvalidOperationException("Only a resident principal acts for household members.");
        }

        Agents = agents;
        foreach (var (member, grounds) in agents)
        {
            _agency[member.AtenaNumber] = [.. grounds.Select(g => _roleMask?.Invoke(g.Role)).OfType<FieldMask>()];
        }
    }

    /// <summary>Whether <paramref name="path"/> of <paramref name="subject"/> may be used for <paramref name="action"/>.</summary>
    public bool Allows(string path, FieldAction action, Subject subject)
    {
        if (Self is { } self)
        {
            if (action != FieldAction.Read || Assurance == AssuranceLevel.None || (path == CatalogPaths.MyNumber && Assurance != AssuranceLevel.Jpki))
            {
                return false;
            }

            if (subject.AtenaNumbers.Contains(self, StringComparer.Ordinal)
                || (subject.HouseholdNumber is { } household && household == OwnHouseholdNumber && path.StartsWith("household.", StringComparison.Ordinal)))
            {
                return true;
            }

            // Acting for members: every resident the object is about must be one the principal acts for, on a ground
            // whose policy role reads the path.
            if (subject.AtenaNumbers.Count == 0
                || !subject.AtenaNumbers.All(a => _agency.TryGetValue(a, out var masks) && masks.Any(m => m.Allows(path, action))))
            {
                return false;
            }

            foreach (var member in subject.AtenaNumbers)
            {
                _actedFor.TryAdd(member, 0);
            }

            return true;
        }

        return _mask is not null && _mask.Allows(path, action);
    }

    /// <summary>Whether every one of <paramref name="paths"/> of <paramref name="subject"/> may be used for <paramref name="action"/>.</summary>
    public bool AllowsAll(IEnumerable<string> paths, FieldAction action, Subject subject) => paths.All(p => Allows(p, action, subject));

    /// <summary>Whether some field of <paramref name="record"/> (e.g. <c>tax</c>) may be read for <paramref name="subject"/>.</summary>
    public bool AllowsAny(string record, Subject subject) =>
        _catalog.Fields.Any(f => f.Record == record && Allows(f.Path, FieldAction.Read, subject));
}
