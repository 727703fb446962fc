using System.Globalization;

namespace Hub.Capabilities.Audit.Checkpoints;

/// <summary>
/// A witness that is a folder outside the database (another disk, a share another team administers): one file per
/// checkpoint, <c>checkpoint-{size, 12 digits}-{first 16 hex digits of the root}.txt</c>, and <c>latest</c>, each written
/// to a temporary name and renamed. A folder cannot check anything itself, so the hub applies the witness rule before
/// writing, under a lock file the nodes sharing the folder take in turn: the checkpoint in <c>latest</c> must be signed by
/// this log's key and the new one must extend it (same size and root, or a verified consistency proof from its size).
/// </summary>
public sealed class DirectoryCheckpointWitness(string directory, CheckpointVerifierKey key, TimeProvider time) : ICheckpointWitness
{
    /// <summary>The name of the file holding the latest checkpoint.</summary>
    public const string LatestFile = "latest";

    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);

    public string Location => Path.GetFullPath(directory);

    /// <summary>The file a checkpoint is kept in.</summary>
    public static string FileName(CheckpointNote checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return string.Create(CultureInfo.InvariantCulture, $"checkpoint-{checkpoint.TreeSize:D12}-{Convert.ToHexStringLower(checkpoint.RootHash)[..16]}.txt");
    }

    public async Task<string?> LatestAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, LatestFile);
        return File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) : null;
    }

    public async Task<WitnessOutcome> SubmitAsync(CheckpointSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var checkpoint = submission.Checkpoint;
        try
        {
            Directory.CreateDirectory(directory);
            await using var held = await LockAsync(cancellationToken).ConfigureAwait(false);
            if (await LatestAsync(cancellationToken).ConfigureAwait(false) is { } text)
            {
                CheckpointNote latest;
                try
                {
                    latest = CheckpointNote.Parse(text);
                }
                catch (CheckpointFormatException e)
                {
                    return new WitnessOutcome(WitnessVerdict.Failed, $"the witness's latest checkpoint ({Location}) does not parse: {e.Message}");
                }

                if (!key.Verify(latest) || latest.Origin != checkpoint.Origin)
                {
                    return new WitnessOutcome(WitnessVerdict.Failed, $"the witness's latest checkpoint ({Location}) is not signed by this log's key {key.Name}");
                }

                var proof = await ProofAsync(submission, latest, cancellationToken).ConfigureAwait(false);
                if (CheckpointConsistency.Problem(latest.TreeSize, latest.RootHash, checkpoint.TreeSize, checkpoint.RootHash, proof) is { } refusal)
                {
                    return new WitnessOutcome(WitnessVerdict.Inconsistent, refusal);
                }

                if (latest.TreeSize == checkpoint.TreeSize)
                {
                    return new WitnessOutcome(WitnessVerdict.AlreadyHeld, string.Create(CultureInfo.InvariantCulture, $"the witness already holds the checkpoint of {checkpoint.TreeSize} records"));
                }
            }

            await WriteAsync(FileName(checkpoint), checkpoint.Text, overwrite: false, cancellationToken).ConfigureAwait(false);
            await WriteAsync(LatestFile, checkpoint.Text, overwrite: true, cancellationToken).ConfigureAwait(false);
            return new WitnessOutcome(WitnessVerdict.Accepted, string.Create(CultureInfo.InvariantCulture, $"checkpoint of {checkpoint.TreeSize} records written to {Location}"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or TimeoutException)
        {
            return new WitnessOutcome(WitnessVerdict.Failed, $"the witness folder {Location} cannot be written: {e.Message}");
        }
    }

    private static async Task<IReadOnlyList<byte[]>?> ProofAsync(CheckpointSubmission submission, CheckpointNote latest, CancellationToken cancellationToken) =>
        latest.TreeSize > 0 && latest.TreeSize < submission.Checkpoint.TreeSize
            ? await submission.ConsistencyProof(latest.TreeSize, cancellationToken).ConfigureAwait(false)
            : null;

    private async Task WriteAsync(string name, string text, bool overwrite, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, name);
        if (!overwrite && File.Exists(path))
        {
            return;
        }

        var temporary = Path.Combine(directory, $".{name}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllTextAsync(temporary, text, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite);
    }

    private async Task<FileStream> LockAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, ".lock");
        var until = time.GetUtcNow() + LockWait;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (time.GetUtcNow() < until)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
