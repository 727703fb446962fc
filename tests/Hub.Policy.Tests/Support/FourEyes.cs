using Hub.Policy.Administration;

namespace Hub.Policy.Tests.Support;

/// <summary>Publication through four eyes for tests about what happens after approval: the draft is submitted by a test author and approved by a second officer.</summary>
internal static class FourEyes
{
    public const string Author = "test-author";
    public const string Approver = "test-approver";

    /// <summary>Submits (as <see cref="Author"/>), approves (as <see cref="Approver"/>) and publishes a draft.</summary>
    public static async Task<PolicyVersion> ApproveAndPublishAsync(this PolicyAdministration administration, int number, string publisher, string reason, CancellationToken cancellationToken)
    {
        await administration.SubmitAsync(number, Author, reason, cancellationToken).ConfigureAwait(false);
        await administration.ApproveAsync(number, Approver, reason, cancellationToken).ConfigureAwait(false);
        return await administration.PublishAsync(number, publisher, reason, cancellationToken).ConfigureAwait(false);
    }
}
