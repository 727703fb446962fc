namespace Hub.Api.Extensions;

/// <summary>The policy services for the server (<c>AddHubPolicy</c> of the capabilities layer, section <c>Hub:Policy</c>).</summary>
internal static class PolicyExtensions
{
    public static WebApplicationBuilder AddHubPolicy(this WebApplicationBuilder builder)
    {
        builder.Services.AddHubPolicy(builder.Configuration);
        return builder;
    }
}
