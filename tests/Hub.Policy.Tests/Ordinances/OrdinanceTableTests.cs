using Hub.Policy.Catalog;
using Hub.Policy.Checking;
using Hub.Policy.Model;
using Hub.Policy.Ordinances;
using Hub.Policy.Persistence;
using Hub.Policy.Tests.Support;

namespace Hub.Policy.Tests.Ordinances;

public sealed class OrdinanceTableTests
{
    private static readonly FieldCatalog Catalog = new([("resident.name", "基本4情報"), ("resident.myNumber", FieldCatalog.MyNumberClassification)]);

    [Fact]
    public void ToPolicyRules_Entry_OneAllowLinePerActionWithBasis()
    {
        var table = OrdinanceTable.Parse("task,field,actions,basis\nnhi,resident.myNumber,read|lookup,番号法 第9条第1項 別表");

        var rules = table.ToPolicyRules(task => "role:" + task);

        Assert.Equal(
            ["p, role:nhi, nhi, resident.myNumber, read, allow, 番号法 第9条第1項 別表", "p, role:nhi, nhi, resident.myNumber, lookup, allow, 番号法 第9条第1項 別表"],
            rules.Select(r => r.ToString()));
    }

    [Fact]
    public void Parse_MissingColumn_ReportsLine()
    {
        var ex = Assert.Throws<PolicyFormatException>(() => OrdinanceTable.Parse("task,field,actions,basis\nnhi,resident.myNumber,lookup"));

        Assert.Equal(2, ex.Line);
    }

    [Fact]
    public void Check_WildcardAllowsMyNumberWithoutEntry_IsErrorAtPolicyLine()
    {
        var table = OrdinanceTable.Parse("task,field,actions,basis\nnhi,resident.myNumber,lookup,番号法 第9条");
        var rules = PolicyCsvReader.Parse("p, role:x, nhi, resident.myNumber, lookup, allow, 番号法 第9条\np, role:x, tax, resident.*, read, allow, 地方税法");

        var error = Assert.Single(OrdinanceChecker.Check(rules, "p.csv", table, "o.csv", Catalog));

        Assert.Equal((DiagnosticSeverity.Error, 2), (error.Severity, error.Line));
    }

    [Fact]
    public void Check_TableRowNotGrantedAndBasisDiffers_AreWarnings()
    {
        var table = OrdinanceTable.Parse("task,field,actions,basis\nnhi,resident.myNumber,lookup,番号法 第9条 別表A\ntax,resident.myNumber,lookup,番号法 第9条 別表B");
        var rules = PolicyCsvReader.Parse("p, role:x, nhi, resident.myNumber, lookup, allow, 条例 第3条");

        var diagnostics = OrdinanceChecker.Check(rules, "p.csv", table, "o.csv", Catalog);

        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Equal([("p.csv", 1), ("o.csv", 3)], diagnostics.Select(d => (d.Source, d.Line)));
    }

    [Fact]
    public void Check_DefaultPolicyAgainstDefaultTable_Agrees()
    {
        var table = OrdinanceTable.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "schemas", "policy", "ordinances.csv")));

        var diagnostics = OrdinanceChecker.Check(PolicyCsvReader.Load(HubPolicyFiles.Policy), "policy.csv", table, "ordinances.csv", HubPolicyFiles.Catalog);

        Assert.Empty(diagnostics.Select(d => d.ToString()));
    }
}
