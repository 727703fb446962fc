using System.CommandLine;
using Hub.Api.Hosting;
using Hub.Capabilities;

namespace Hub.Api.CommandLine;

/// <summary><c>hub serve [host options]</c>: the same as running with no command.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Start the hub: create or open the database, seed the demo city when empty, sync, serve GraphQL.");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => HubServer.RunAsync([.. parse.UnmatchedTokens]));
        return command;
    }
}
