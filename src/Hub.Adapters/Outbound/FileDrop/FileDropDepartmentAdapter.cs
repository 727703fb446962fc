using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Hub.Adapters.Outbound.FileDrop;

/// <summary>
/// The built-in department adapter (ファイル連携): each leg becomes <c>{Directory}/{task}/{legId}.json</c> and/or
/// <c>.csv</c> (UTF-8 with BOM, one row per item), written to a temporary name and moved into place, so a reader never sees
/// half a file and a repeated delivery replaces the file with the same content (idempotent by leg).
/// </summary>
public sealed class FileDropDepartmentAdapter(FileDropOptions options) : IDepartmentAdapter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The name routes use for it.</summary>
    public const string Name = "file-drop";

    /// <inheritdoc />
    public async Task DeliverAsync(LegDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var folder = Path.Combine(options.Directory, delivery.Task);
        System.IO.Directory.CreateDirectory(folder);
        var name = delivery.LegId.ToString("N");
        if (options.Format is "json" or "both")
        {
            await WriteAsync(Path.Combine(folder, name + ".json"), JsonSerializer.Serialize(delivery, Json), cancellationToken).ConfigureAwait(false);
        }

        if (options.Format is "csv" or "both")
        {
            await WriteAsync(Path.Combine(folder, name + ".csv"), Csv(delivery), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The leg as CSV: a header, then one row per item with the leg's columns repeated.</summary>
    public static string Csv(LegDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var sb = new StringBuilder("delivery_id,application_id,leg_id,event,procedure,department,task,form_id,due_on,applicant,section,subject,item_id,label,path,status,value,source\r\n");
        foreach (var i in delivery.Items)
        {
            string[] cells =
            [
                delivery.DeliveryId, delivery.ApplicationId.ToString("N"), delivery.LegId.ToString("N"), delivery.Event, delivery.Procedure, delivery.Department, delivery.Task,
                delivery.FormId ?? string.Empty, delivery.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), delivery.ApplicantAtenaNumber,
                i.Section, i.Subject ?? string.Empty, i.Id, i.Label, i.Path ?? string.Empty, i.Status, i.Value ?? string.Empty, i.Source ?? string.Empty,
            ];
            sb.AppendJoin(',', cells.Select(Quote)).Append("\r\n");
        }

        return sb.ToString();
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    private static async Task WriteAsync(string path, string text, CancellationToken ct)
    {
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        await File.WriteAllTextAsync(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), ct).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }
}
