using GraphQL;
using Hub.Adapters.Catalog;
using Hub.Api.GraphQL;
using Hub.Api.GraphQL.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hub.Api.Extensions;

/// <summary>The GraphQL schema (GraphQL.NET) and the hub's own GraphQL-over-HTTP endpoint at <c>/graphql</c>.</summary>
internal static class GraphQLExtensions
{
    /// <summary>The endpoint's path.</summary>
    public const string Path = "/graphql";

    /// <summary>Registers the schema, the executer, the System.Text.Json serializer, the field catalog and the endpoint.</summary>
    public static IServiceCollection AddHubGraphQL(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => FieldCatalog.LoadDefault());
        services.AddGraphQL(graphql => graphql
            .AddSchema<HubSchema>()
            .AddGraphTypes(typeof(HubSchema).Assembly)
            // Names and addresses leave as UTF-8, not \uXXXX escapes: the body is JSON, never embedded in HTML.
            .AddSystemTextJson(options => options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddErrorInfoProvider(errors => errors.ExposeExceptionDetails = false));
        services.AddSingleton<GraphQLHttpEndpoint>();
        return services;
    }

    /// <summary>Maps <c>GET</c> and <c>POST /graphql</c>; other methods get 405.</summary>
    public static WebApplication MapHubGraphQL(this WebApplication app)
    {
        app.MapMethods(Path, [HttpMethods.Get, HttpMethods.Post], (HttpContext http, GraphQLHttpEndpoint endpoint) => endpoint.HandleAsync(http));
        return app;
    }
}
