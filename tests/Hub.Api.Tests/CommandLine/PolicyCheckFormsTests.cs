using Hub.Api.Tests.Hosting;

namespace Hub.Api.Tests.CommandLine;

/// <summary><c>hub policy check</c> reports a field a form names that no catalog defines, as the hub does at startup.</summary>
public sealed class PolicyCheckFormsTests : IDisposable
{
    private static readonly string Schemas = Path.Combine(AppContext.BaseDirectory, "schemas");
    private readonly string _dir = Directory.CreateTempSubdirectory("hub-forms-").FullName;

    [Fact]
    public async Task Check_FormNamingAFieldNoCatalogDefines_IsAnErrorNamingFormAndField()
    {
        var forms = Directory.CreateDirectory(Path.Combine(_dir, "forms")).FullName;
        File.Copy(Path.Combine(Schemas, "forms", "nhi-enrolment.json"), Path.Combine(forms, "nhi-enrolment.json"));
        await File.WriteAllTextAsync(Path.Combine(forms, "pet-licence.json"), """
            { "id": "pet-licence", "task": "nhi", "title": "犬の登録", "items": [
              { "id": "name", "label": "氏名", "path": "resident.name" },
              { "id": "colour", "label": "好きな色", "path": "resident.favouriteColour" } ] }
            """, TestContext.Current.CancellationToken);

        var (code, output) = await Check("--forms", forms);

        Assert.Equal(1, code);
        var error = Assert.Single(output.Split('\n'), l => l.Contains("error:", StringComparison.Ordinal));
        Assert.StartsWith("schemas/forms/pet-licence.json(0,0): error: ", error, StringComparison.Ordinal);
        Assert.Contains("'resident.favouriteColour' is not a path of the field catalog", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_TheHubsOwnForms_NoError()
    {
        var (code, output) = await Check("--forms", Path.Combine(Schemas, "forms"));

        Assert.True(code == 0, output);
        Assert.DoesNotContain("error:", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<(int Code, string Output)> Check(params string[] extra)
    {
        await using var hub = HubProcess.Start(_dir, "Production", [
            "policy", "check",
            "--model", Path.Combine(Schemas, "policy", "model.conf"),
            "--policy", Path.Combine(Schemas, "policy", "policy.csv"),
            "--catalog", Path.Combine(Schemas, "records"),
            .. extra]);
        var code = await hub.WaitForExitAsync(TimeSpan.FromSeconds(90));
        return (code, hub.StandardOutput + hub.StandardError);
    }
}
