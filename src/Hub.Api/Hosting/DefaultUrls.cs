namespace Hub.Api.Hosting;

/// <summary>
/// Where the hub listens when nothing says otherwise: <c>http://127.0.0.1:5080</c>. Anything that does say
/// (<c>ASPNETCORE_URLS</c>, <c>DOTNET_URLS</c>, <c>--urls</c>, <c>Urls</c> in a settings file, a launch profile) wins:
/// the default is applied only when the configuration holds no <c>urls</c> at all, so it cannot shadow the
/// environment as a setting in <c>appsettings.json</c> did.
/// </summary>
internal static class DefaultUrls
{
    /// <summary>The address of a hub started with no setting for it.</summary>
    public const string Value = "http://127.0.0.1:5080";

    public static void Apply(WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(Value);
        }
    }
}
