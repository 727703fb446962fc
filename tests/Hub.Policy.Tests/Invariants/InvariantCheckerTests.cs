using Hub.Policy.Enforcement;
using Hub.Policy.Invariants;
using Hub.Policy.Model;
using Hub.Policy.Ordinances;
using Hub.Policy.Persistence;
using Hub.Policy.Tests.Support;

namespace Hub.Policy.Tests.Invariants;

/// <summary>The shipped invariants against the shipped policy, counterexamples, and the file's validation.</summary>
public sealed class InvariantCheckerTests
{
    private static readonly string InvariantsPath = Path.Combine(RepositoryPaths.Root, "schemas", "policy", "invariants.csv");
    private static readonly OrdinanceTable Ordinances = OrdinanceTable.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "schemas", "policy", "ordinances.csv")));

    private static InvariantSet Shipped => InvariantSet.Parse(File.ReadAllText(InvariantsPath), HubPolicyFiles.Catalog, InvariantsPath);

    private static Enforcer With(params string[] lines)
    {
        var rules = PolicyCsvReader.Parse(File.ReadAllText(HubPolicyFiles.Policy) + "\n" + string.Join("\n", lines) + "\n");
        return new Enforcer(PolicyModel.Parse(File.ReadAllText(HubPolicyFiles.Model)), rules);
    }

    [Fact]
    public void Check_ShippedPolicy_EveryShippedInvariantHolds()
    {
        Assert.True(Shipped.Invariants.Count >= 4);
        Assert.Empty(InvariantChecker.Check(HubPolicyFiles.CreateEnforcer(), HubPolicyFiles.Catalog, Shipped, Ordinances));
    }

    [Fact]
    public void Check_MyNumberReadOutsideTheOrdinanceTable_ViolationNamesRoleTaskFieldAndRule()
    {
        var enforcer = With("p, role:nhi-clerk, nhi, resident.myNumber, read, allow, 国民健康保険法 第9条");

        var violation = Assert.Single(InvariantChecker.Check(enforcer, HubPolicyFiles.Catalog, Shipped, Ordinances));

        Assert.Equal("mynumber-ordinance-only", violation.Invariant.Id);
        Assert.Equal(("nhi", "resident.myNumber", "read"), (violation.Task, violation.Field, violation.Action));
        Assert.Contains(violation.Subject, new[] { "role:nhi-clerk", "demo-nhi-clerk" });
        Assert.Contains("国民健康保険法 第9条", violation.Rule);
        Assert.Equal(2, violation.Count); // the role, and the demo clerk who holds it
    }

    [Fact]
    public void Check_RoleOfTheBoardOfEducationGrantedTax_Violation()
    {
        var granted = With("p, role:school-clerk, school, tax.*, read, allow, x", "g, demo-school-clerk, role:school-clerk, school");

        Assert.Equal("board-of-education-no-tax", Assert.Single(InvariantChecker.Check(granted, HubPolicyFiles.Catalog, Shipped, Ordinances)).Invariant.Id);
    }

    [Fact]
    public void Check_TraineeGrantedMyNumberWhereNoDenyStands_ViolationForTheRoleAndTheUserHoldingIt()
    {
        // The shipped trainee denies stand in resident-registry only (and hold there, though demo-trainee is also a
        // resident clerk); an allow in another task the ordinance table names breaks the trainee rule alone.
        var enforcer = With("p, role:trainee, nhi, resident.myNumber, lookup, allow, 番号法 第9条第1項 別表 (国民健康保険に関する事務)", "g, demo-trainee, role:trainee, nhi");

        var trainee = Assert.Single(InvariantChecker.Check(enforcer, HubPolicyFiles.Catalog, Shipped, Ordinances));

        Assert.Equal(("trainee-no-mynumber", "role:trainee", "nhi", 2), (trainee.Invariant.Id, trainee.Subject, trainee.Task, trainee.Count));
    }

    [Theory]
    [InlineData("x,*,*,resident.name,write,s", "unknown action 'write'")]
    [InlineData("x,*,*,resident.nmae,read,s", "matches no catalog field")]
    [InlineData("x,*,*,resident.name,read", "expected id,subjects,tasks,fields,actions,statement")]
    [InlineData("x,*,*,resident.name,read,s\nx,*,*,resident.name,read,s", "defined twice")]
    public void Parse_MalformedRow_RefusedNamingTheLineAndProblem(string row, string problem)
    {
        var error = Assert.Throws<PolicyFormatException>(() => InvariantSet.Parse("id,subjects,tasks,fields,actions,statement\n" + row, HubPolicyFiles.Catalog));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains("invariants.csv", error.Message, StringComparison.Ordinal);
    }
}
