using System.CommandLine;
using Hub.Api.Hosting;
using Hub.Capabilities;

namespace Hub.Api.CommandLine;

/// <summary>
/// The `hub` command line. No arguments (or only host options such as <c>--urls</c>) starts the server;
/// a command name runs that command. Each command group lives in its own file in this folder.
/// </summary>
internal static class HubCommandLine
{
    private static readonly string[] HelpAndVersion = ["--help", "-h", "-?", "--version"];

    public static Task<int> InvokeAsync(string[] args)
    {
        if (args.Length == 0 || (args[0].StartsWith('-') && !HelpAndVersion.Contains(args[0])))
        {
            return HubServer.RunAsync(args);
        }

        return BuildRoot().Parse(args).InvokeAsync();
    }

    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand("MunicipalHub (庁内連携 API). Run with no command to serve GraphQL on the embedded demo city.");
        foreach (var command in Commands())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    // One line per command group; each group's file builds its own subcommands.
    private static IEnumerable<Command> Commands()
    {
        yield return ServeCommand.Create();
        yield return SyncCommand.Create();
        yield return TokenCommand.Create();
        yield return DemoCommand.Create();
        yield return PolicyCommand.Create();
        yield return AuditCommand.Create();
        yield return PushCommand.Create();
        yield return IntakeCommand.Create();
    }
}
