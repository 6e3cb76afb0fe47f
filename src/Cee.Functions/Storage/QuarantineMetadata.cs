using System.Globalization;
using Cee.Routing.Drops;
using Cee.Routing.Intake;

namespace Cee.Functions.Storage;

/// <summary>
/// The metadata a quarantined blob carries, every value encoded by <see cref="BlobMetadataText"/>
/// (ASCII, cut to a size limit and marked when cut) so that all of it stays well under the 8 KiB a
/// blob may carry. The full reasons are always in the <c>.reasons.json</c> blob named by
/// <see cref="ReasonsFileKey"/>.
/// </summary>
public static class QuarantineMetadata
{
    public const string DropIdKey = "cee_drop_id";
    public const string SourceKey = "cee_source";
    public const string ContentVersionKey = "cee_content_version";
    public const string ReasonCountKey = "cee_reason_count";
    public const string ReasonCodesKey = "cee_reason_codes";
    public const string ReasonsKey = "cee_reasons";
    public const string ReasonsFileKey = "cee_reasons_file";

    // Limits per value (encoded), well inside the 8 KiB of metadata a blob may carry.
    public const int MaxReasonsLength = 2048;
    public const int MaxCodesLength = 512;
    public const int MaxNameLength = 1024;

    public static IDictionary<string, string> For(DropReference drop, IReadOnlyList<Finding> reasons, string reasonsBlobName)
    {
        ArgumentNullException.ThrowIfNull(drop);
        ArgumentNullException.ThrowIfNull(reasons);
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [DropIdKey] = BlobMetadataText.Encode(drop.DropId, MaxNameLength),
            [SourceKey] = BlobMetadataText.Encode(drop.Source, MaxNameLength),
            [ContentVersionKey] = BlobMetadataText.Encode(drop.ContentVersion, MaxNameLength),
            [ReasonCountKey] = reasons.Count.ToString(CultureInfo.InvariantCulture),
            [ReasonCodesKey] = BlobMetadataText.Encode(string.Join(",", reasons.Select(r => r.Code)), MaxCodesLength),
            [ReasonsKey] = BlobMetadataText.Encode(string.Join("; ", reasons.Select(r => $"[{r.Code}] {r.Message}")), MaxReasonsLength),
            [ReasonsFileKey] = BlobMetadataText.Encode(reasonsBlobName, MaxNameLength),
        };
    }
}
