using Hub.Api.RequestContext;
using GraphQL;
using Hub.Adapters.Catalog;
using Hub.Api.GraphQL;
using Hub.Api.GraphQL.Enforcement;
using Hub.Capabilities.Requests;
using Hub.Api.GraphQL.Http;
using Hub.Api.GraphQL.Limits;
using Hub.Api.GraphQL.Loading;
using Hub.Capabilities.Records;
using Hub.Api.Hosting;
using Hub.Capabilities;
using Hub.Capabilities.Prefill;
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
            // 項目マスク on every field: catalog fields are checked before their resolvers run.
            .UseMiddleware<FieldEnforcementMiddleware>()
            // Names and addresses leave as UTF-8, not \uXXXX escapes: the body is JSON, never embedded in HTML.
            .AddSystemTextJson(options => options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddErrorInfoProvider(errors => errors.ExposeExceptionDetails = false));
        services.AddSingleton<GraphQLHttpEndpoint>();
        services.AddSingleton<ValidatedDocumentCache>();
        services.AddMetrics();
        services.AddSingleton<LoaderMetrics>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => CreateLimits(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()));
        services.AddSingleton<GraphiQLPage>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(IdentifierArgumentOptions.SectionName).Get<IdentifierArgumentOptions>() ?? new IdentifierArgumentOptions());
        services.AddHubForms();
        return services;
    }

    /// <summary>
    /// Maps <c>GET</c> and <c>POST /graphql</c> (other methods get 405) and, in Development only, GraphiQL at
    /// <c>/graphql/ui</c>. Throws <see cref="HubConfigurationException"/> when the <c>Hub:GraphQL</c> limits are wrong.
    /// </summary>
    public static WebApplication MapHubGraphQL(this WebApplication app)
    {
        // The limits are read and checked now, so a wrong Hub:GraphQL setting stops the host before it serves.
        _ = app.Services.GetRequiredService<GraphQLLimits>();
        // So are the forms (schemas/forms): a form naming an unknown catalog path stops the host, naming file and item.
        _ = app.Services.GetRequiredService<FormCatalog>();
        app.MapMethods(Path, [HttpMethods.Get, HttpMethods.Post], (HttpContext http, GraphQLHttpEndpoint endpoint) => endpoint.HandleAsync(http));
        if (app.Environment.IsDevelopment())
        {
            app.MapGet(GraphiQLPage.Path, (HttpContext http, GraphiQLPage page) => page.Page(http));
            app.MapGet(GraphiQLPage.Path + "/{file}", (HttpContext http, string file) => GraphiQLPage.Asset(http, file));
        }

        return app;
    }

    /// <summary>The limits of section <c>Hub:GraphQL</c>; introspection only in Development.</summary>
    private static GraphQLLimits CreateLimits(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = new GraphQLLimitsOptions();
        configuration.GetSection(GraphQLLimitsOptions.SectionName).Bind(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new HubConfigurationException(string.Join(Environment.NewLine, problems));
        }

        return new GraphQLLimits(options, allowIntrospection: environment.IsDevelopment());
    }
}
