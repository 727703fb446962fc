using Hub.Api.GraphQL.Http;
using Microsoft.AspNetCore.Http;

namespace Hub.Api.Tests.GraphQL.Http;

public sealed class GraphQLMediaTypesTests
{
    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("application/json", "application/json")]
    [InlineData("application/json;q=0.5, application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("*/*", "application/json")]
    [InlineData("text/html", null)]
    [InlineData("application/json; charset=iso-8859-1", null)]
    public void Negotiate_Accept_ChoosesResponseType(string? accept, string? expected)
    {
        var headers = new HeaderDictionary();
        if (accept is not null)
        {
            headers["Accept"] = accept;
        }

        Assert.Equal(expected, GraphQLMediaTypes.Negotiate(headers));
    }

    [Theory]
    [InlineData("application/json", true)]
    [InlineData("application/json; charset=utf-8", true)]
    [InlineData("application/json; charset=latin1", false)]
    [InlineData("text/plain", false)]
    [InlineData(null, false)]
    public void IsJsonBody_ContentType(string? contentType, bool expected) =>
        Assert.Equal(expected, GraphQLMediaTypes.IsJsonBody(contentType));
}
