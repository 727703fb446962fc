using System.Text.Json;
using Hub.Demo.City;

namespace Hub.Demo.Tests.City;

public sealed class OtherSystemsExportTests(DemoCityFixture city) : IClassFixture<DemoCityFixture>
{
    private static readonly DateOnly AsOf = DemoCityFixture.Options.AsOf;

    private HashSet<string> RegistryAtena => [.. city.Residents.Select(r => r["atena_number"])];

    [Fact]
    public void ResidentTax_ThreeFiscalYearsOfKnownResidentsAged16AndOver()
    {
        var atena = RegistryAtena;
        var births = city.Residents.ToDictionary(r => r["atena_number"], r => BirthDateReader.Read(r["birth_date"]));
        foreach (var year in new[] { 2023, 2024, 2025 })
        {
            var rows = CsvFile.ReadRecords(city.PathOf($"resident-tax/assessments-FY{year}.csv"));
            Assert.InRange(rows.Count, city.Result.CurrentResidents / 2, city.Result.CurrentResidents);
            Assert.Equal(rows.Count, rows.Select(r => r["atena_number"]).Distinct().Count());
            foreach (var r in rows)
            {
                Assert.Contains(r["atena_number"], atena);
                Assert.Equal(year.ToString(System.Globalization.CultureInfo.InvariantCulture), r["fiscal_year"]);
                if (births[r["atena_number"]] is { } birth)
                {
                    Assert.True(BirthDateReader.Age(birth, new DateOnly(year, 1, 1)) >= 15);
                }

                long L(string column) => long.Parse(r[column], System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(L("total_income"), L("salary_income") + L("pension_income") + L("business_income") + L("other_income"));
                Assert.InRange(L("taxable_income"), 0, L("total_income"));
                if (r["non_taxable"] == "1")
                {
                    Assert.Equal(0, L("per_capita_levy"));
                    Assert.Equal(0, L("income_levy"));
                }
                else
                {
                    Assert.Equal("0", r["non_taxable"]);
                    Assert.Equal(5_000, L("per_capita_levy"));
                    Assert.InRange(L("income_levy"), 0, (L("taxable_income") / 10) + 100);
                }
            }

            Assert.Contains(rows, r => r["non_taxable"] == "1");
            Assert.Contains(rows, r => r["dependents"] != "0");
            Assert.Contains(rows, r => r["pension_income"] != "0");
            Assert.Contains(rows, r => r["business_income"] != "0");
        }
    }

    [Fact]
    public void Nhi_InsuredAreKnownResidentsUnder75WithSomeLost()
    {
        var atena = RegistryAtena;
        var residents = city.Residents.ToDictionary(r => r["atena_number"]);
        var lines = File.ReadAllLines(city.PathOf("nhi/insured.ndjson"));
        var active = 0;
        var lost = 0;
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            var e = json.RootElement;
            Assert.Equal(
                ["atenaNumber", "householdNumber", "insuredSymbol", "insuredNumber", "acquiredOn", "lostOn", "acquisitionReason", "lossReason", "updatedAt"],
                e.EnumerateObject().Select(p => p.Name));
            var person = residents[e.GetProperty("atenaNumber").GetString()!];
            Assert.Contains(person["atena_number"], atena);
            Assert.Equal(person["household_number"], e.GetProperty("householdNumber").GetString());
            var acquired = DateOnly.Parse(e.GetProperty("acquiredOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(acquired < AsOf);
            if (e.GetProperty("lostOn").ValueKind == JsonValueKind.Null)
            {
                active++;
                Assert.Equal("1", person["status"]);
                Assert.Equal(JsonValueKind.Null, e.GetProperty("lossReason").ValueKind);
                if (BirthDateReader.Read(person["birth_date"]) is { } birth)
                {
                    Assert.True(BirthDateReader.Age(birth, AsOf) < 75, "75 and over are in 後期高齢者医療");
                }
            }
            else
            {
                lost++;
                Assert.True(DateOnly.Parse(e.GetProperty("lostOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= acquired);
                Assert.NotNull(e.GetProperty("lossReason").GetString());
            }
        }

        Assert.InRange(active, city.Result.CurrentResidents / 8, city.Result.CurrentResidents / 3);
        Assert.True(lost > 0);
        Assert.Contains(lines, l => l.Contains("後期高齢者医療", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"lossReason\":\"転出\"", StringComparison.Ordinal));
    }

    [Fact]
    public void ChildAllowance_KnownResidentsPlausibleAmountsAndSomeChildrenWithout()
    {
        var residents = city.Residents.ToDictionary(r => r["atena_number"]);
        var rows = CsvFile.ReadRecords(city.PathOf("child-allowance/entitlements.csv"));
        Assert.Equal(rows.Count, rows.Select(r => r["entitlement_id"]).Distinct().Count());
        foreach (var r in rows)
        {
            var recipient = residents[r["recipient_atena"]];
            var child = residents[r["child_atena"]];
            Assert.Equal(recipient["household_number"], child["household_number"]);
            Assert.Contains(r["monthly_amount"], new[] { "10000", "15000", "30000" });
            Assert.Equal(r["ended_on"].Length == 0 ? "1" : "2", r["status"]);
            if (r["status"] == "1")
            {
                Assert.Equal("1", child["status"]);
                Assert.Equal("1", recipient["status"]);
            }

            if (BirthDateReader.Read(recipient["birth_date"]) is { } rb && BirthDateReader.Read(child["birth_date"]) is { } cb)
            {
                Assert.True(BirthDateReader.Age(rb, cb) >= 16, "the recipient is an adult of an older generation");
            }
        }

        // Children 0–17 who are current residents: about 95% have an active entitlement, the rest have not applied.
        var entitled = rows.Where(r => r["status"] == "1").Select(r => r["child_atena"]).ToHashSet();
        var children = city.Current.Where(r => BirthDateReader.Read(r["birth_date"]) is { } b && BirthDateReader.Age(b, AsOf) < 18).ToList();
        var without = children.Count(c => !entitled.Contains(c["atena_number"]));
        Assert.InRange(without, 1, children.Count / 8);
        Assert.Contains(rows, r => r["monthly_amount"] == "30000");
        Assert.Contains(rows, r => r["status"] == "2");
    }

    [Fact]
    public void GaijiTable_CoversAllButTheDeliberatelyUnmappedCodePoint()
    {
        var table = CsvFile.ReadRecords(city.PathOf("resident-registry/gaiji.csv")).Select(r => r["code_point"]).ToHashSet();
        var used = city.Residents.SelectMany(r => r["name"]).Where(c => c is >= '\uE000' and <= '\uE0FF').Select(c => $"U+{(int)c:X4}").ToHashSet();

        Assert.NotEmpty(used);
        Assert.All(used.Where(u => u != "U+E0FE"), u => Assert.Contains(u, table));
        Assert.DoesNotContain("U+E0FE", table);
    }
}
