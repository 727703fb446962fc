using System.CommandLine;
using Hub.Api.Security;
using Hub.Capabilities.Agency;

namespace Hub.Api.CommandLine;

/// <summary>
/// <c>hub token [--user U] [--roles r1,r2] [--resident ATENA [--acr jpki|password|none]] [--minutes N] [--client C]</c>: prints a development
/// bearer token on standard output (and nothing else there), signed with the development key. Refused outside
/// Development, where the server refuses that key anyway.
/// </summary>
internal static class TokenCommand
{
    /// <summary>Default staff user id.</summary>
    public const string DefaultUser = "dev-staff";

    /// <summary>Default roles of a staff token.</summary>
    public const string DefaultRoles = "staff";

    /// <summary>Default lifetime in minutes.</summary>
    public const int DefaultMinutes = 60;

    public static Command Create()
    {
        var user = new Option<string?>("--user") { Description = $"User id (sub). Default {DefaultUser}; for --resident, resident-<atena>." };
        var roles = new Option<string?>("--roles") { Description = $"Comma-separated roles. Default {DefaultRoles} (resident for --resident)." };
        var resident = new Option<string?>("--resident") { Description = "Issue a resident principal for this atena number (claim atena, role resident)." };
        var minutes = new Option<int>("--minutes") { Description = $"Lifetime in minutes. Default {DefaultMinutes}.", DefaultValueFactory = _ => DefaultMinutes };
        var client = new Option<string?>("--client") { Description = "Client id (azp claim), optional." };
        var acr = new Option<string?>("--acr") { Description = "How the resident signed in (acr claim): jpki (default for --resident: My Number card), password, or none." };
        var command = new Command("token", "Print a development bearer token (Development only).");
        command.Options.Add(user);
        command.Options.Add(roles);
        command.Options.Add(resident);
        command.Options.Add(minutes);
        command.Options.Add(client);
        command.Options.Add(acr);
        command.SetAction(parse => Run(
            CurrentEnvironment(),
            LoadAuthOptions(),
            new TokenRequest(parse.GetValue(user), parse.GetValue(roles), parse.GetValue(resident), parse.GetValue(minutes), parse.GetValue(client)) { Acr = parse.GetValue(acr) },
            Console.Out,
            Console.Error));
        return command;
    }

    /// <summary>Issues and prints the token; returns the exit code (2 when refused or the arguments are bad).</summary>
    internal static int Run(string environmentName, HubAuthOptions options, TokenRequest request, TextWriter output, TextWriter error)
    {
        if (!string.Equals(environmentName, Environments.Development, StringComparison.OrdinalIgnoreCase))
        {
            error.WriteLine(
                $"hub token: refused in environment '{environmentName}': development tokens are signed with the development key, which is refused outside Development. " +
                "Set ASPNETCORE_ENVIRONMENT=Development (dotnet run does so through the launch profile) or obtain a token from your identity provider.");
            return 2;
        }

        if (request.Minutes <= 0)
        {
            error.WriteLine("hub token: --minutes must be a positive number.");
            return 2;
        }

        var atena = string.IsNullOrWhiteSpace(request.Resident) ? null : request.Resident.Trim();
        var acr = request.Acr?.Trim().ToLowerInvariant();
        if (acr is not (null or AssuranceLevels.Jpki or AssuranceLevels.Password or "none"))
        {
            error.WriteLine("hub token: --acr must be jpki, password or none.");
            return 2;
        }
        var userId = string.IsNullOrWhiteSpace(request.User) ? (atena is null ? DefaultUser : $"resident-{atena}") : request.User.Trim();
        var roleText = request.Roles ?? (atena is null ? DefaultRoles : HubClaimTypes.ResidentRole);
        var roles = roleText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            error.WriteLine($"hub token: warning: {HubAuthOptions.SectionName}:SigningKey is configured, so the server will not accept a development token.");
        }

        var assurance = atena is null ? null : acr switch { null => AssuranceLevels.Jpki, "none" => null, _ => acr };
        output.WriteLine(DevelopmentTokens.Issue(userId, roles, TimeSpan.FromMinutes(request.Minutes), atena, options, request.Client, TimeProvider.System, assurance));
        return 0;
    }

    private static string CurrentEnvironment() =>
        Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
        ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
        ?? Environments.Production;

    // The same sources the server reads, so issuer and audience match it.
    private static HubAuthOptions LoadAuthOptions()
    {
        var environment = CurrentEnvironment();
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var options = new HubAuthOptions();
        configuration.GetSection(HubAuthOptions.SectionName).Bind(options);
        return options;
    }

    /// <summary>The command's arguments.</summary>
    internal sealed record TokenRequest(string? User, string? Roles, string? Resident, int Minutes, string? Client)
    {
        /// <summary><c>--acr</c>: how the resident signed in.</summary>
        public string? Acr { get; init; }
    }
}
