using Hub.Capabilities.Agency;
using Hub.Data.Entities;

namespace Hub.Api.GraphQL.Portal;

/// <summary>A household member a resident principal acts for (法定代理・世帯), and on which grounds.</summary>
/// <param name="Member">The member's latest version.</param>
/// <param name="Grounds">Why the resident may act for them.</param>
internal sealed record ActingFor(ResidentRecord Member, IReadOnlyList<AgencyGround> Grounds);
