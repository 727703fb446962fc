namespace Hub.Api.Hosting;

/// <summary>Builds and runs the web host.</summary>
internal static class HubServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        await app.RunAsync();
        return 0;
    }
}
