using Hub.Adapters.Catalog;

namespace Hub.Api.Tests.Kinds;

/// <summary>
/// Temporary <c>records</c> and <c>policy</c> folders: the shipped schemas plus a kind a city adds (障害者手帳, <c>disability</c>),
/// and the shipped model with a policy of the test's own (beside the shipped one).
/// </summary>
internal sealed class KindFolders : IDisposable
{
    public KindFolders(string policyLines)
    {
        Root = Directory.CreateTempSubdirectory("hub-kindhost-").FullName;
        Records = Path.Combine(Root, "records");
        Policy = Path.Combine(Root, "policy");
        Directory.CreateDirectory(Records);
        Directory.CreateDirectory(Policy);
        foreach (var file in Directory.GetFiles(SchemaDirectory.Find("records"), "*.schema.json"))
        {
            File.Copy(file, Path.Combine(Records, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(Records, "disability.schema.json"), DisabilitySchema);
        File.Copy(Path.Combine(SchemaDirectory.Find("policy"), "model.conf"), Path.Combine(Policy, "model.conf"));
        // The test's own lines, then the shipped policy: the shipped forms name its tasks, and the hub refuses a form whose
        // task the policy does not know. Its lines are of other tasks, so they decide nothing in the test's.
        File.WriteAllText(Path.Combine(Policy, "policy.csv"), policyLines + Environment.NewLine + File.ReadAllText(Path.Combine(SchemaDirectory.Find("policy"), "policy.csv")));
    }

    public string Root { get; }

    public string Records { get; }

    public string Policy { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    /// <summary>障害者手帳: a kind no code of the hub knows.</summary>
    public const string DisabilitySchema = """
        {
          "type": "object",
          "x-hub-record": "disability",
          "x-hub-label": "障害者手帳",
          "x-hub-key": ["certificateNumber"],
          "x-hub-subject": "atenaNumber",
          "x-hub-dating": { "from": "issuedOn", "to": "expiresOn", "toInclusive": true },
          "x-hub-indexed": ["grade"],
          "required": ["atenaNumber", "certificateNumber"],
          "properties": {
            "atenaNumber": { "type": "string", "maxLength": 15, "x-hub-path": "disability.atenaNumber", "x-hub-label": "宛名番号", "x-hub-classification": "識別子", "x-hub-standard": { "specification": "障害者福祉システム標準仕様書", "item": "宛名番号" } },
            "certificateNumber": { "type": "string", "x-hub-path": "disability.certificateNumber", "x-hub-label": "手帳番号", "x-hub-classification": "福祉", "x-hub-standard": { "specification": "障害者福祉システム標準仕様書", "item": "手帳番号" } },
            "grade": { "type": ["string", "null"], "x-hub-path": "disability.grade", "x-hub-label": "障害等級", "x-hub-classification": "福祉", "x-hub-standard": { "specification": "障害者福祉システム標準仕様書", "item": "障害等級" } },
            "issuedOn": { "type": ["string", "null"], "format": "date", "x-hub-path": "disability.issuedOn", "x-hub-label": "交付日", "x-hub-classification": "福祉", "x-hub-standard": { "specification": "障害者福祉システム標準仕様書", "item": "交付年月日" } },
            "expiresOn": { "type": ["string", "null"], "format": "date", "x-hub-path": "disability.expiresOn", "x-hub-label": "有効期限", "x-hub-classification": "福祉", "x-hub-standard": { "specification": "障害者福祉システム標準仕様書", "item": "有効期限" } },
            "points": { "type": ["integer", "null"], "x-hub-path": "disability.points", "x-hub-label": "判定点数", "x-hub-classification": "福祉", "x-hub-standard": { "specification": "障害者福祉システム標準仕様書", "item": "判定点数" } }
          }
        }
        """;
}
