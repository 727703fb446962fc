using GraphQL;
using GraphQL.Types;
using Hub.Api.GraphQL.Errors;
using Hub.Api.GraphQL.Loading;

namespace Hub.Api.GraphQL.Types;

/// <summary>The root query: a resident by 宛名番号, a household by 世帯番号.</summary>
internal sealed class HubQueryType : ObjectGraphType
{
    public HubQueryType()
    {
        Name = "Query";
        Field<ResidentType>("resident")
            .Description("住民 by 宛名番号 (its latest version, removed residents included). Not found: null and NOT_FOUND.")
            .Argument<NonNullGraphType<StringGraphType>>("atenaNumber", "宛名番号 (resident.atenaNumber)")
            .Resolve(c => c.Loaders().Residents.Load(c.GetArgument<string>("atenaNumber"))
                .Then(resident => resident ?? throw HubErrors.NotFound("resident with this atena number")));
        Field<HouseholdType>("household")
            .Description("世帯 by 世帯番号 (its latest version). Not found: null and NOT_FOUND.")
            .Argument<NonNullGraphType<StringGraphType>>("householdNumber", "世帯番号 (household.householdNumber)")
            .Resolve(c => c.Loaders().Households.Load(c.GetArgument<string>("householdNumber"))
                .Then(household => household ?? throw HubErrors.NotFound("household with this household number")));
    }
}
