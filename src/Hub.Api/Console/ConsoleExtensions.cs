using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.WebEncoders;

namespace Hub.Api.PrivacyConsole;

/// <summary>
/// The privacy officers' console (個人情報保護担当コンソール) at <c>/console</c>: server-rendered Razor Pages in Japanese,
/// no script framework, every asset inside the executable. Sign-in takes a hub bearer token (development token or the
/// city's OpenID Connect token), validates it with the hub's own JWT handler, and keeps only the user id in an HttpOnly,
/// SameSite=Strict cookie; every form carries an antiforgery token. Only <c>role:privacy-officer</c> in
/// <c>privacy-audit</c> under the policy in force may enter (<see cref="PrivacyOfficerPageFilter"/>). The pages call the
/// service layer only (PolicyAdministration, PolicyReplay, the audit services), so the console obeys the same rules as GraphQL.
/// </summary>
internal static class ConsoleExtensions
{
    /// <summary>The console's cookie authentication scheme.</summary>
    public const string Scheme = "HubConsole";

    /// <summary>Where the console lives.</summary>
    public const string Path = "/console";

    /// <summary>How long a console sign-in lasts at most (the token's own expiry may end it sooner).</summary>
    public static readonly TimeSpan MaxSession = TimeSpan.FromHours(8);

    public static WebApplicationBuilder AddHubConsole(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddRazorPages(options =>
            {
                options.RootDirectory = "/Console/Pages";
                options.Conventions.ConfigureFilter(new PrivacyOfficerPageFilter());
            });
        // Japanese stays Japanese in the HTML (the encoder still escapes markup).
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddAuthentication().AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = "hub-console";
            cookie.Cookie.Path = Path;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = Path + "/signin";
            cookie.ExpireTimeSpan = MaxSession;
            cookie.SlidingExpiration = false;
        });
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "hub-console-af";
            antiforgery.Cookie.Path = Path;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.HttpOnly = true;
        });
        return builder;
    }

    public static WebApplication MapHubConsole(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }

    /// <summary>The signed-in officer's user id, set by <see cref="PrivacyOfficerPageFilter"/>.</summary>
    public static string Officer(this HttpContext http) => (string)http.Items[typeof(PrivacyOfficerPageFilter)]!;
}
