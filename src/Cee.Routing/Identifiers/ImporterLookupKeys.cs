using System.Security.Cryptography;
using System.Text;

namespace Cee.Routing.Identifiers;

/// <summary>
/// Derives the key an importer's account is stored and looked up under. EIN and CBP-assigned
/// numbers key by their 11 characters without dashes. An SSN keys by an HMAC-SHA256 of its digits
/// under a deployment secret: a plain hash would be no protection, since all 10^9 SSNs can be hashed
/// in minutes, and keys travel where SSNs must not (Durable history, Service Bus session ids,
/// Cosmos DB ids, logs). Without the secret, an SSN key reveals nothing.
/// </summary>
/// <remarks>
/// Every host of one deployment must use the same secret (the Functions app from Key Vault, the
/// seeding command, <c>cee route</c>), or SSN accounts will not be found. <see cref="Development"/>
/// is a fixed, published key for local runs and tests only.
/// </remarks>
public sealed class ImporterLookupKeys
{
    /// <summary>At least 256 bits of secret.</summary>
    public const int MinimumSecretBytes = 32;

    private const string SsnKeyPrefix = "ssn-";

    private readonly byte[] _secret;

    public ImporterLookupKeys(ReadOnlySpan<byte> secret)
    {
        if (secret.Length < MinimumSecretBytes)
        {
            throw new ArgumentException(
                $"The importer key secret must be at least {MinimumSecretBytes} bytes; got {secret.Length}.", nameof(secret));
        }

        _secret = secret.ToArray();
    }

    /// <summary>
    /// The published development key: SHA-256 of a fixed phrase. Local runs, samples and tests use
    /// it; a deployment that uses it has no SSN protection beyond masking, and the hosts warn.
    /// </summary>
    public static ImporterLookupKeys Development { get; } =
        new(SHA256.HashData(Encoding.UTF8.GetBytes("CeeFunctions development importer key: never use in production")), isDevelopment: true);

    /// <summary>True for <see cref="Development"/>.</summary>
    public bool IsDevelopment { get; }

    /// <summary>Reads a secret written in Base64 (as Key Vault or an app setting holds it).</summary>
    public static ImporterLookupKeys FromBase64(string secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        Span<byte> bytes = stackalloc byte[secret.Length];
        if (!Convert.TryFromBase64String(secret.Trim(), bytes, out var written))
        {
            throw new FormatException("The importer key secret is not Base64.");
        }

        return new ImporterLookupKeys(bytes[..written]);
    }

    /// <summary>The lookup key of <paramref name="number"/>: undashed characters, or <c>ssn-</c> and 40 hex characters of HMAC for an SSN.</summary>
    public string For(ImporterNumber number)
    {
        if (number.Kind != ImporterNumberKind.Ssn)
        {
            return number.Significant;
        }

        Span<byte> digits = stackalloc byte[9];
        number.WriteSsnDigits(digits);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_secret, digits, mac);
        CryptographicOperations.ZeroMemory(digits);
        return SsnKeyPrefix + Convert.ToHexStringLower(mac[..20]);
    }

    private ImporterLookupKeys(byte[] secret, bool isDevelopment)
        : this(secret)
    {
        IsDevelopment = isDevelopment;
    }
}
