namespace Hub.Capabilities.Audit;

/// <summary>One JST day of the access log: records, after-hours records, and users over the mass-lookup threshold.</summary>
public sealed record AccessReportDay(DateOnly Day, int Records, int AfterHours, int MassLookupUsers);
