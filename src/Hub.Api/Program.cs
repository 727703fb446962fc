using Hub.Api.CommandLine;

// The hub is one executable: with no command it serves; with a command it is the `hub` command line.
return await HubCommandLine.InvokeAsync(args);

/// <summary>Entry point type, visible to WebApplicationFactory in functional tests.</summary>
public partial class Program;
