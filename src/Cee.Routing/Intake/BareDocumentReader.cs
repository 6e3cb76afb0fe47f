using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using Cee.Routing.Documents;

namespace Cee.Routing.Intake;

/// <summary>
/// Streams a bare document (PDF, TIFF, JPEG, PNG) into the sink in chunks, hashing and typing it on
/// the way, exactly as a DIS DocumentObject is: its bytes are the drop's bytes, so the document's
/// SHA-256 is the drop's.
/// </summary>
internal static class BareDocumentReader
{
    private const int ChunkBytes = 64 * 1024;

    public static async Task<BareDocumentRead> ReadAsync(
        Stream content, PendingDocument pending, IDocumentSink sink, long maxBytes, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        var signature = new byte[FileSignatures.SignatureLength];
        var signatureLength = 0;
        long size = 0;
        IDocumentTarget? target = null;
        try
        {
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(0, ChunkBytes), cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                size += read;
                if (size > maxBytes)
                {
                    var tooLarge = new Finding(
                        FindingCodes.BareDocumentTooLarge,
                        FindingSeverity.Error,
                        string.Create(CultureInfo.InvariantCulture, $"the document is larger than the {maxBytes:N0}-byte limit; reading stopped there and it was not stored"));
                    if (target is not null)
                    {
                        await target.AbandonAsync(tooLarge, cancellationToken);
                    }

                    return new BareDocumentRead(Convert.ToHexStringLower(hash.GetCurrentHash()), size, null, null, tooLarge);
                }

                if (signatureLength < signature.Length)
                {
                    var take = Math.Min(signature.Length - signatureLength, read);
                    buffer.AsSpan(0, take).CopyTo(signature.AsSpan(signatureLength));
                    signatureLength += take;
                }

                target ??= await sink.OpenAsync(pending, cancellationToken);
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            var sha256 = Convert.ToHexStringLower(hash.GetCurrentHash());
            if (size == 0)
            {
                return new BareDocumentRead(sha256, 0, null, null,
                    new Finding(FindingCodes.EmptyDrop, FindingSeverity.Error, "the drop is empty (zero bytes): there is no document"));
            }

            var decoded = new DecodedDocument(pending.DocumentId, size, sha256, FileSignatures.Detect(signature.AsSpan(0, signatureLength)));
            var location = await target!.CompleteAsync(decoded, cancellationToken);
            return new BareDocumentRead(sha256, size, decoded, location, null);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (target is not null)
            {
                await target.DisposeAsync();
            }
        }
    }
}
