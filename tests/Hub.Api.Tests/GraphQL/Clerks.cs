using Hub.Api.Security;

namespace Hub.Api.Tests.GraphQL;

/// <summary>Tokens of the default policy's demo staff users (its g lines) and residents, and the task codes they work in.</summary>
internal static class Clerks
{
    public const string ResidentRegistry = "resident-registry";
    public const string ResidentTax = "resident-tax";
    public const string Nhi = "nhi";
    public const string ChildAllowance = "child-allowance";
    public const string PrivacyAudit = "privacy-audit";

    public static readonly string ResidentClerk = Staff("demo-resident-clerk");
    public static readonly string TaxClerk = Staff("demo-tax-clerk");
    public static readonly string NhiClerk = Staff("demo-nhi-clerk");
    public static readonly string ChildClerk = Staff("demo-child-clerk");
    public static readonly string Trainee = Staff("demo-trainee");
    public static readonly string PrivacyOfficer = Staff("demo-privacy-officer");
    public static readonly string PrivacyReviewer = Staff("demo-privacy-reviewer");

    public static string Staff(string user) => DevelopmentTokens.Issue(user, ["staff"], TimeSpan.FromMinutes(30));

    public static string Resident(string atenaNumber) => DevelopmentTokens.Issue("portal-" + atenaNumber, ["resident"], TimeSpan.FromMinutes(30), atenaNumber);
}
