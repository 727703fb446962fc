namespace Hub.Sync.Sources;

/// <summary>
/// One source as configuration declares it: section <c>Hub:Sources:&lt;name&gt;</c>, the name being the one
/// <c>hub sync run --source NAME</c>, runs, watermarks and quarantine use. Its adapter's own settings are the
/// sub-section <c>Options</c>, bound to that adapter's options class (unknown keys are reported).
/// </summary>
public sealed class SourceDeclaration
{
    /// <summary><c>layout</c>, <c>builtin</c> or <c>assembly</c> (<see cref="SourceKinds"/>). Required.</summary>
    public string? Kind { get; set; }

    /// <summary>Kind <c>builtin</c>: the built-in adapter (<c>resident-registry-csv</c>, <c>resident-registry-legacy</c>, <c>resident-tax-csv</c>, <c>nhi-api</c>, <c>child-allowance-view</c>, or one the host adds). Required for that kind.</summary>
    public string? Adapter { get; set; }

    /// <summary>
    /// Kind <c>layout</c>: a built-in layout's name (<c>resident-tax</c>, …) or the path of a <c>*.layout.json</c> file; a
    /// relative path is looked up in the working folder, then beside the executable. Required for that kind.
    /// </summary>
    public string? Layout { get; set; }

    /// <summary>Kind <c>assembly</c>: the assembly's file name without <c>.dll</c>, in the plug-in folder or its sub-folder of the same name. Required for that kind.</summary>
    public string? Assembly { get; set; }

    /// <summary>Kind <c>assembly</c>: the full name of the plug-in type, when the assembly holds more than one. Default: its only one.</summary>
    public string? Type { get; set; }

    /// <summary>
    /// The record kind the source feeds: a record of the field catalog (<c>schemas/records</c>: <c>resident</c>, <c>tax</c>,
    /// <c>nhi</c>, <c>childAllowance</c>, …). Required for kind <c>assembly</c>; default for the others: what their
    /// adapter or layout yields (a different value is reported). A record of another kind is quarantined.
    /// </summary>
    public string? Record { get; set; }

    /// <summary>The core system recorded as every record's provenance. Default: the built-in adapter's or layout's system, else the source's name.</summary>
    public string? System { get; set; }

    /// <summary>Quartz cron schedule (seconds first), or <c>off</c>. Default <c>Hub:Sync:Scheduling:DefaultSchedule</c>.</summary>
    public string? Schedule { get; set; }

    /// <summary>Whether the hub reads this source at all. Default true; false keeps the declaration but leaves the source out.</summary>
    public bool Enabled { get; set; } = true;
}
