using System.Security.Cryptography;

namespace Milepost.Web.Tests.Infrastructure;

/// <summary>What an authenticator app computes (RFC 6238: HMAC-SHA1, 30 s, 6 digits), written apart from the app's own code.</summary>
public static class TestTotp
{
    public static long CurrentStep => DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;

    public static string Code(string base32Key, long step)
    {
        var key = FromBase32(base32Key);
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = HMACSHA1.HashData(key, counter);
        var o = hash[^1] & 0xF;
        var value = ((hash[o] & 0x7F) << 24) | (hash[o + 1] << 16) | (hash[o + 2] << 8) | hash[o + 3];
        return (value % 1_000_000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] FromBase32(string s)
    {
        var bits = string.Concat(s.Replace(" ", "").TrimEnd('=').ToUpperInvariant()
            .Select(c => Convert.ToString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".IndexOf(c), 2).PadLeft(5, '0')));
        return Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
    }
}
