using Hub.Adapters.Catalog;
using Hub.Api.Tests.PushTargets;
using Hub.Capabilities.Prefill;
using Hub.Testing.Forms;

namespace Hub.Api.Tests.Prefill;

/// <summary>
/// Issue 15's target on generated cities, per provider: every form of <c>schemas/forms</c>, filled under its own task for
/// the residents it is for whose core-system data is complete (<see cref="FormFillSurvey"/>), has at least 90 % of its
/// counted items FILLED. Items no core system holds (applicant answers) are not counted and are listed by name.
/// </summary>
public abstract class FormFillRateSpecification(GeneratedCities cities)
{
    private const double Target = 0.90;

    private static readonly FieldCatalog Catalog = FieldCatalog.LoadDefault();
    private static readonly string PolicyDirectory = SchemaDirectory.Find("policy");
    private static readonly FormCatalog Forms = FormDefinitionReader.Load(SchemaDirectory.Find("forms"), Catalog, PolicyTasks.Read(Path.Combine(PolicyDirectory, "policy.csv")));

    [Fact]
    public async Task EveryForm_OwnTask_RelevantResidentsWithCompleteData_AtLeastNinetyPercentFilled()
    {
        // The largest city (4,000 residents): enough deceased NHI members and recipients for every form.
        var fills = await FormFillSurvey.RunAsync(cities.Databases[^1].Factory, Forms, Catalog, PolicyDirectory, GeneratedCities.CityAsOf, 60, TestContext.Current.CancellationToken);

        var report = string.Join(Environment.NewLine, fills.Select(f => $"{f.FormId}: {f.Filled}/{f.Items} over {f.Residents} residents; short: {string.Join(", ", f.Short.OrderByDescending(s => s.Value).Take(4).Select(s => $"{s.Key}×{s.Value}"))}"));
        TestContext.Current.SendDiagnosticMessage(report);
        Assert.Equal(Forms.Forms.Select(f => f.Id), fills.Select(f => f.FormId));
        Assert.All(fills, f => Assert.True(f.Residents >= 5, $"{f.FormId}: only {f.Residents} relevant residents with complete data{Environment.NewLine}{report}"));
        Assert.All(fills, f => Assert.True(f.Rate >= Target, $"{f.FormId}: {f.Rate:P1} FILLED{Environment.NewLine}{report}"));
        // Nothing a form's own task reads is withheld from it.
        Assert.All(fills, f => Assert.Equal(0, f.ByStatus.GetValueOrDefault(nameof(PrefillStatus.Withheld))));
        Assert.Contains("電話番号", fills.Single(f => f.FormId == "nursery-admission").ApplicantAnswers);
    }
}

[Collection(nameof(SqliteCities))]
public sealed class SqliteFormFillRateTests(SqliteCities cities) : FormFillRateSpecification(cities);

[Collection(nameof(PostgreSqlCities))]
public sealed class PostgreSqlFormFillRateTests(PostgreSqlCities cities) : FormFillRateSpecification(cities);
