using GraphQL;
using Hub.Api.GraphQL.Errors;
using Hub.Capabilities.Agency;
using Hub.Capabilities.LifeEvents;
using Hub.Capabilities.Prefill;
using Hub.Capabilities.Requests;
using Hub.Data.Entities;
using Hub.Policy.Masks;

namespace Hub.Api.GraphQL.Portal;

/// <summary>
/// What <c>me</c> offers a resident principal for themselves and for the household members they act for: the members and
/// grounds, a pre-filled form, a life-event guide. Every decision goes through the request's <see cref="FieldGate"/>.
/// </summary>
internal static class PortalFields
{
    /// <summary>
    /// Decides whom of <paramref name="self"/>'s household they may act for, lets the gate allow it, and names the paths
    /// the decision read in the access record (of the members it concerns).
    /// </summary>
    public static async Task ActForHouseholdAsync(IResolveFieldContext c, ResidentRecord self)
    {
        var gate = c.Gate();
        if (self.HouseholdNumber is not { } household)
        {
            return;
        }

        var members = await c.Loaders().Members.Load(household).GetResultAsync(c.CancellationToken).ConfigureAwait(false) ?? [];
        var today = DateOnly.FromDateTime((c.RequestServices?.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow().ToOffset(TimeSpan.FromHours(9)).DateTime);
        var agents = members
            .Select(m => (Member: m, Grounds: HouseholdAgency.Grounds(self, m, today)))
            .Where(a => a.Grounds.Count > 0)
            .ToList();
        gate.ActFor(agents);
    }

    /// <summary>The members the principal acts for (decided by <c>me</c>).</summary>
    public static IReadOnlyList<ActingFor> Agents(IResolveFieldContext c)
    {
        var agents = c.Gate().Agents;
        if (agents.Count > 0)
        {
            // Who is listed was decided on 続柄, 生年月日, 世帯番号 and 住民状態 of the principal and each member.
            foreach (var path in HouseholdAgency.DecidingPaths)
            {
                c.Access().Add(path, agents.Select(a => a.Member.AtenaNumber).Append(c.Gate().Self!));
            }
        }

        return [.. agents.Select(a => new ActingFor(a.Member, a.Grounds))];
    }

    /// <summary>The form <c>formId</c> pre-filled for <paramref name="atena"/> (the principal or a member they act for).</summary>
    public static async Task<PrefillResult> PrefillAsync(IResolveFieldContext c, string atena)
    {
        var forms = c.RequestServices!.GetRequiredService<FormCatalog>();
        var form = forms.Find(c.GetArgument<string>("formId"))
            ?? throw HubErrors.BadUserInput("formId", $"names no form of schemas/forms (known: {string.Join(", ", forms.Forms.Select(f => f.Id))})");
        return await FillAsync(c, form, atena).ConfigureAwait(false);
    }

    /// <summary>Pre-fills <paramref name="form"/> for <paramref name="atena"/> under the request's gate.</summary>
    public static async Task<PrefillResult> FillAsync(IResolveFieldContext c, FormDefinition form, string atena)
    {
        var gate = c.Gate();

        // A form with a member section whose members may be listed reads applicant and members in one query.
        var withMembers = form.HouseholdMembers is not null && gate.Allows(FormCatalog.MembersPath, FieldAction.Read, new Subject([atena], null));
        var applicant = (withMembers
                ? await c.Loaders().LoadResidentWithMembersAsync(atena, c.CancellationToken).ConfigureAwait(false)
                : await c.Loaders().Residents.Load(atena).GetResultAsync(c.CancellationToken).ConfigureAwait(false))
            ?? throw HubErrors.NotFound("resident with this atena number");
        if (gate.IsResident && gate.OwnHouseholdNumber is null)
        {
            // Their own household's items (household.*) are theirs to see, as through `me`.
            gate.OwnHouseholdNumber = applicant.HouseholdNumber;
        }

        return await FormPrefiller.FillAsync(form, applicant, gate, c.Loaders(), c.Access(), c.CancellationToken, c.RequestServices?.GetService<TimeProvider>()).ConfigureAwait(false);
    }

    /// <summary>
    /// The life-event guide of <c>event</c> for <paramref name="atena"/>, for a resident principal: a fact is read only
    /// where the gate allows its path for every living member of the household (the principal's own facts, a member's
    /// as the principal's ground for them allows), so the guide discloses nothing of a member the principal does not act for.
    /// </summary>
    public static async Task<LifeEventGuide> GuideAsync(IResolveFieldContext c, string atena)
    {
        var gate = c.Gate();
        var person = await c.Loaders().Residents.Load(atena).GetResultAsync(c.CancellationToken).ConfigureAwait(false)
            ?? throw HubErrors.NotFound("resident with this atena number");
        var members = person.HouseholdNumber is { } household
            ? (await c.Loaders().Members.Load(household).GetResultAsync(c.CancellationToken).ConfigureAwait(false) ?? []).Select(m => m.AtenaNumber).ToList()
            : [];
        if (!members.Contains(atena, StringComparer.Ordinal))
        {
            members.Add(atena);
        }

        bool MayRead(string path) => members.All(m => gate.Allows(path, FieldAction.Read, new Subject([m])));
        if (!gate.Allows(HouseholdPath, FieldAction.Read, new Subject([atena])))
        {
            throw Enforcement.FieldEnforcementMiddleware.Forbidden(c, $"life-event guidance reads the household; {HouseholdPath} of the person the event is about may not be read.");
        }

        var guide = await c.RequestServices!.GetRequiredService<LifeEventGuideService>()
            .GuideAsync(c.GetArgument<LifeEventKind>("event"), atena, c.GetArgument<DateOnly?>("on"), MayRead, c.CancellationToken).ConfigureAwait(false)
            ?? throw HubErrors.NotFound("resident with this atena number");
        c.Access().Add(HouseholdPath, [atena]);
        foreach (var path in guide.Paths)
        {
            c.Access().Add(path, guide.Subjects);
        }

        return guide;
    }

    private const string HouseholdPath = "resident.householdNumber";
}
