using System.Globalization;
using System.Net;
using System.Text;

namespace Hub.Capabilities.Audit.Checkpoints;

/// <summary>
/// A witness speaking C2SP tlog-witness: <c>POST {prefix}/add-checkpoint</c> with <c>old {size}</c>, the consistency
/// proof from that size (base64, one hash a line), a blank line and the checkpoint. 200: accepted. 409 with
/// <c>text/x.tlog.size</c>: the witness holds another size (asked again once from that size; the same size with another
/// root stays 409). 422: the proof does not verify. The witness keeps its own state; a 409 that names more records than
/// the log has, or a 422, means the log does not extend what the witness saw.
/// </summary>
public sealed class HttpCheckpointWitness(HttpClient http, Uri prefix) : ICheckpointWitness
{
    private readonly Uri _addCheckpoint = new(prefix.ToString().TrimEnd('/') + "/add-checkpoint");
    private long _witnessSize;

    public string Location => prefix.ToString();

    public Task<string?> LatestAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public async Task<WitnessOutcome> SubmitAsync(CheckpointSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var size = submission.Checkpoint.TreeSize;
        try
        {
            for (var attempt = 0; attempt < 2; attempt++)
            {
                var old = Interlocked.Read(ref _witnessSize);
                if (old > size)
                {
                    return new WitnessOutcome(WitnessVerdict.Inconsistent, string.Create(CultureInfo.InvariantCulture,
                        $"the witness holds a checkpoint of {old} records, more than this log's {size}: records were removed, the database was restored from an older copy, or another database forked the log"));
                }

                var proof = old > 0 && old < size ? await submission.ConsistencyProof(old, cancellationToken).ConfigureAwait(false) : [];
                var body = new StringBuilder().Append(CultureInfo.InvariantCulture, $"old {old}\n");
                foreach (var hash in proof)
                {
                    body.Append(Convert.ToBase64String(hash)).Append('\n');
                }

                body.Append('\n').Append(submission.Checkpoint.Text);
                using var content = new StringContent(body.ToString(), Encoding.UTF8, "text/plain");
                using var response = await http.PostAsync(_addCheckpoint, content, cancellationToken).ConfigureAwait(false);
                switch (response.StatusCode)
                {
                    case HttpStatusCode.OK:
                        Interlocked.Exchange(ref _witnessSize, size);
                        return new WitnessOutcome(old == size ? WitnessVerdict.AlreadyHeld : WitnessVerdict.Accepted, string.Create(CultureInfo.InvariantCulture, $"checkpoint of {size} records cosigned by {Location}"));
                    case HttpStatusCode.Conflict:
                        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                        if (!long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var held))
                        {
                            return new WitnessOutcome(WitnessVerdict.Failed, $"the witness {Location} answered 409 without a tree size");
                        }

                        if (held == old)
                        {
                            return new WitnessOutcome(WitnessVerdict.Inconsistent, string.Create(CultureInfo.InvariantCulture,
                                $"the witness holds a checkpoint of the same size ({held}) with another root: the log forked or its records were changed"));
                        }

                        Interlocked.Exchange(ref _witnessSize, held);
                        continue;
                    case HttpStatusCode.UnprocessableEntity:
                        return new WitnessOutcome(WitnessVerdict.Inconsistent, string.Create(CultureInfo.InvariantCulture,
                            $"this log ({size} records) does not extend the witness's checkpoint of {old} records (the witness refused the consistency proof): records were changed, removed or reordered, or the log forked"));
                    default:
                        return new WitnessOutcome(WitnessVerdict.Failed, string.Create(CultureInfo.InvariantCulture, $"the witness {Location} answered {(int)response.StatusCode}"));
                }
            }

            return new WitnessOutcome(WitnessVerdict.Failed, $"the witness {Location} kept answering 409");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new WitnessOutcome(WitnessVerdict.Failed, $"the witness {Location} cannot be reached: {e.GetBaseException().Message}");
        }
    }
}
