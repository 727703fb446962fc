using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Hub.Adapters.Domain.Text;
using Hub.Adapters.Layouts;
using Hub.Adapters.Sdk;

namespace Hub.Adapters.ChildAllowance;

/// <summary>
/// Reads the 児童手当 system's database view through ADO.NET (<see cref="DbProviderFactory"/>: SQL Server,
/// PostgreSQL, SQLite or any other provider), ordered by (updated_at, entitlement_id). The watermark is the
/// last stored row's <c>updated_at</c> (as the database gave it) and <c>entitlement_id</c>; a delta read asks
/// only for rows after it. <c>updated_at</c> may be a timestamp type or ISO text (SQLite).
/// </summary>
public sealed class ChildAllowanceViewAdapter : IDeltaSource, ISnapshotSource, ISourceHealth
{
    internal static readonly string[] Columns = ["entitlement_id", "recipient_atena", "child_atena", "certified_on", "ended_on", "monthly_amount", "status", "updated_at"];
    private static readonly string[] Fields = ["entitlementId", "recipientAtenaNumber", "childAtenaNumber", "certifiedOn", "endedOn", "monthlyAmount", "status", "sourceTimestamp"];
    private readonly ChildAllowanceViewOptions _options;
    private readonly DbProviderFactory _factory;
    private readonly RecordConverter _converter;

    /// <summary>Creates the adapter; throws <see cref="AdapterOptionsException"/> listing every problem.</summary>
    public ChildAllowanceViewAdapter(ChildAllowanceViewOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid("child-allowance");
        _options = options;
        _factory = options.ResolveFactory();
        var mapping = RecordMapping.ByKind["child-allowance-entitlement"];
        _converter = new RecordConverter(
            mapping,
            [.. Fields.Select((f, i) => new CompiledField(f, mapping.Fields[f], null, null, "both", Columns[i], i + 1, 0, 0))],
            GaijiTable.Empty,
            options.VerifyCheckDigits,
            TimeSpan.FromHours(9));
    }

    /// <inheritdoc />
    public string Describe(Watermark watermark) =>
        watermark.IsStart ? "nothing read" : $"rows updated after {watermark.Value.Split('|')[0]}";

    /// <inheritdoc />
    public IAsyncEnumerable<SourceBatch> ReadSnapshotAsync(CancellationToken cancellationToken) => ReadAsync(Watermark.Start, cancellationToken);

    /// <inheritdoc />
    public async Task<SourceHealth> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {_options.View}";
            var count = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return SourceHealth.Healthy($"child-allowance: view {_options.View} has {Convert.ToInt64(count, CultureInfo.InvariantCulture)} rows.");
        }
        catch (DbException ex)
        {
            return SourceHealth.Unhealthy($"child-allowance: view {_options.View} cannot be read ({ex.Message}).");
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<SourceBatch> ReadAsync(Watermark since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        DbConnection connection;
        DbDataReader reader;
        try
        {
            connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            throw new SourceReadException($"child-allowance: the database cannot be opened ({ex.Message}).", isTransient: true, ex);
        }

        await using (connection.ConfigureAwait(false))
        {
            await using var command = connection.CreateCommand();
            command.CommandTimeout = (int)_options.CommandTimeout.TotalSeconds;
            command.CommandText = $"SELECT {string.Join(", ", Columns)} FROM {_options.View}";
            if (!since.IsStart)
            {
                var parts = since.Value.Split('|', 2);
                command.CommandText += " WHERE updated_at > @since OR (updated_at = @since AND entitlement_id > @key)";
                AddParameter(command, "@since", _factory is Microsoft.Data.Sqlite.SqliteFactory
                    ? parts[0]
                    : DateTimeOffset.Parse(parts[0], CultureInfo.InvariantCulture).ToUniversalTime());
                AddParameter(command, "@key", parts.Length > 1 ? parts[1] : string.Empty);
            }

            command.CommandText += " ORDER BY updated_at, entitlement_id";
            try
            {
                reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbException ex)
            {
                throw new SourceReadException($"child-allowance: view {_options.View} cannot be queried ({ex.Message}).", isTransient: ex.IsTransient, ex);
            }

            await using (reader.ConfigureAwait(false))
            {
                var items = new List<SourceItem>(Math.Min(_options.BatchSize, 4096));
                var last = since;
                var texts = new string?[Columns.Length];
                var json = new RowJson();
                long row = 0;
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    row++;
                    for (var i = 0; i < Columns.Length; i++)
                    {
                        texts[i] = Text(reader.GetValue(i), i);
                    }

                    var raw = RawRow(json, texts);
                    var location = texts[0] is { Length: > 0 } id ? $"{_options.View}:{id}" : string.Create(CultureInfo.InvariantCulture, $"{_options.View} row {row}");
                    items.Add(_converter.Convert(location, raw, texts));
                    last = new Watermark($"{texts[7]}|{texts[0]}");
                    if (items.Count >= _options.BatchSize)
                    {
                        yield return new SourceBatch(items, last);
                        items = new List<SourceItem>(Math.Min(_options.BatchSize, 4096));
                    }
                }

                if (items.Count > 0)
                {
                    yield return new SourceBatch(items, last);
                }
            }
        }
    }

    /// <summary>The row as kept for quarantine: a JSON object of column → text, in column order.</summary>
    internal static byte[] RawRow(RowJson json, string?[] texts)
    {
        json.Buffer.ResetWrittenCount();
        json.Writer.Reset();
        json.Writer.WriteStartObject();
        for (var i = 0; i < Columns.Length; i++)
        {
            json.Writer.WriteString(Columns[i], texts[i]);
        }

        json.Writer.WriteEndObject();
        json.Writer.Flush();
        return json.Buffer.WrittenSpan.ToArray();
    }

    private async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = _factory.CreateConnection() ?? throw new InvalidOperationException("The provider creates no connections.");
        connection.ConnectionString = _options.ConnectionString;
        await connection.OpenAsync(ct).ConfigureAwait(false);
        return connection;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    /// <summary>A column value as the text the field conversion reads (dates ISO, timestamps ISO with offset).</summary>
    private static string? Text(object value, int column) => value switch
    {
        DBNull => string.Empty,
        string s => s,
        DateTimeOffset t => t.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
        DateTime d when column == 7 => new DateTimeOffset(DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : d.Kind)).ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>A JSON writer over one buffer, reused for every row of a read.</summary>
    internal sealed class RowJson
    {
        public RowJson() => Writer = new Utf8JsonWriter(Buffer);

        public ArrayBufferWriter<byte> Buffer { get; } = new(512);

        public Utf8JsonWriter Writer { get; }
    }
}
