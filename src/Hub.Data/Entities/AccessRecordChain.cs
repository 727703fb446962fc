using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hub.Data.Entities;

/// <summary>The hash chain of <see cref="AccessRecord"/>s: how a record is sealed, and what its hash covers.</summary>
public static class AccessRecordChain
{
    /// <summary>The previous hash of the first record.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The hash of <paramref name="record"/>'s content and its <see cref="AccessRecord.PreviousHash"/>.</summary>
    public static string ComputeHash(AccessRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);

        // Unit separators between fields, so no two different records serialize alike.
        var text = string.Join(
            '\u001F',
            record.Sequence.ToString(CultureInfo.InvariantCulture),
            record.RecordedAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            record.UserId,
            record.ClientId ?? "\u0000",
            record.Task,
            record.Purpose,
            record.Case ?? "\u0000",
            record.Operation,
            record.SubjectAtenaNumbers,
            record.FieldPaths,
            record.MyNumberUsed ? "1" : "0",
            record.PolicyVersion,
            record.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
