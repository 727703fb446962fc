namespace Hub.Sync.Tests.Plugins;

/// <summary>
/// The C# of a small adapter plug-in the tests build: it yields <c>Rows</c> residents in one batch, and can be told to fail
/// (<c>Fail</c>): <c>create</c> throws in creating its adapter, <c>read</c> after its first batch, <c>cancel</c> throws a
/// cancellation the host did not ask for. <see cref="ThrowingOptions"/> is a variant whose options' constructor throws.
/// </summary>
internal static class RowsPluginSource
{
    public const string Text = """
        using System;
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;
        using Hub.Adapters.Domain.Identifiers;
        using Hub.Adapters.Domain.Text;
        using Hub.Adapters.Domain.Vocabulary;
        using Hub.Adapters.Records;
        using Hub.Adapters.Sdk;

        namespace Vendor.Rows;

        public sealed class RowsOptions : AdapterOptions
        {
            public RowsOptions()
            {
                /*OPTIONS*/
            }

            public int Rows { get; set; } = 2;

            public string Fail { get; set; } = "";

            protected override void Validate(List<string> problems)
            {
                if (Rows < 0) problems.Add("Rows must not be negative.");
            }
        }

        public sealed class RowsPlugin : AdapterPlugin<RowsOptions>
        {
            public override ISourceAdapter Create(RowsOptions options) =>
                options.Fail == "create" ? throw new InvalidOperationException("boom in create") : new RowsAdapter(options);
        }

        public sealed class RowsAdapter(RowsOptions options) : ISourceAdapter
        {
            public async IAsyncEnumerable<SourceBatch> ReadAsync(Watermark since, [EnumeratorCancellation] CancellationToken cancellationToken)
            {
                await Task.Yield();
                if (!since.IsStart) yield break;
                var items = new List<SourceItem>();
                for (var i = 1; i <= options.Rows; i++)
                {
                    items.Add(SourceItem.Accepted($"rows:{i}", new byte[] { (byte)i }, new CanonicalResident
                    {
                        AtenaNumber = AtenaNumber.FromSerial(i),
                        ResidentKind = ResidentKind.Japanese,
                        Name = PersonName.From("試験　太郎"),
                        Sex = Sex.Male,
                        IsRemoved = false,
                        SourceTimestamp = DateTimeOffset.UnixEpoch,
                    }));
                }

                yield return new SourceBatch(items, new Watermark("done"));
                if (options.Fail == "read") throw new InvalidOperationException("boom in read");
                if (options.Fail == "cancel") throw new OperationCanceledException("not the host's");
            }
        }
        """;

    public static string ThrowingOptions => Text.Replace("/*OPTIONS*/", "throw new InvalidOperationException(\"options boom\");", StringComparison.Ordinal);
}
