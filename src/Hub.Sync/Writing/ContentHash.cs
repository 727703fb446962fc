using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hub.Sync.Writing;

/// <summary>
/// A stable hash of a record's canonical values: equal hashes mean nothing to rewrite. Each value is written in
/// its invariant text form (null as U+0000, dates <c>yyyy-MM-dd</c>, timestamps round-trip <c>O</c>) followed by
/// U+001F; the hash is the first 16 bytes of the SHA-256 of that text in UTF-8, as upper-case hex. Stored hashes
/// depend on this form: changing it would make every stored record look changed to the next sync.
/// </summary>
internal static class ContentHash
{
    [ThreadStatic]
    private static Hasher? _hasher;

    /// <summary>The reference form, one boxed value at a time (kept as the definition the fast <see cref="Begin"/> path is tested against).</summary>
    public static string Of(params object?[] values)
    {
        var sb = new StringBuilder(256);
        foreach (var v in values)
        {
            sb.Append(v switch
            {
                null => "\u0000",
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => v.ToString(),
            });
            sb.Append('\u001F');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())), 0, 16);
    }

    /// <summary>Starts a hash on this thread's reusable buffer: add every value in order, then <see cref="Hasher.Finish"/>.</summary>
    public static Hasher Begin()
    {
        var h = _hasher ??= new Hasher();
        h.Reset();
        return h;
    }

    /// <summary>Builds the same text as <see cref="Of"/> without boxing or intermediate strings.</summary>
    internal sealed class Hasher
    {
        private char[] _chars = new char[512];
        private byte[] _bytes = new byte[1024];
        private int _length;

        public void Reset() => _length = 0;

        public Hasher Add(string? value)
        {
            if (value is null)
            {
                return Null();
            }

            Ensure(value.Length + 1);
            value.CopyTo(_chars.AsSpan(_length));
            _length += value.Length;
            return Separator();
        }

        public Hasher Add(DateOnly? value) => value is { } d ? Format(d, "yyyy-MM-dd") : Null();

        public Hasher Add(DateTime? value) => value is { } t ? Format(t, "O") : Null();

        public Hasher Add(long? value) => value is { } v ? Format(v, null) : Null();

        public Hasher Add(int? value) => value is { } v ? Format(v, null) : Null();

        // bool is not IFormattable: the reference form takes its ToString(), "True" or "False".
        public Hasher Add(bool? value) => value is { } b ? Add(b ? bool.TrueString : bool.FalseString) : Null();

        public string Finish()
        {
            var span = _chars.AsSpan(0, _length);
            var max = Encoding.UTF8.GetMaxByteCount(span.Length);
            if (_bytes.Length < max)
            {
                _bytes = new byte[Math.Max(max, _bytes.Length * 2)];
            }

            var n = Encoding.UTF8.GetBytes(span, _bytes);
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(_bytes.AsSpan(0, n), hash);
            return Convert.ToHexString(hash[..16]);
        }

        private Hasher Format<T>(T value, string? format)
            where T : ISpanFormattable
        {
            Ensure(40);
            int written;
            while (!value.TryFormat(_chars.AsSpan(_length), out written, format, CultureInfo.InvariantCulture))
            {
                Array.Resize(ref _chars, _chars.Length * 2);
            }

            _length += written;
            return Separator();
        }

        private Hasher Null()
        {
            Ensure(2);
            _chars[_length++] = '\u0000';
            return Separator();
        }

        private Hasher Separator()
        {
            Ensure(1);
            _chars[_length++] = '\u001F';
            return this;
        }

        private void Ensure(int more)
        {
            if (_length + more > _chars.Length)
            {
                Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + more));
            }
        }
    }
}
