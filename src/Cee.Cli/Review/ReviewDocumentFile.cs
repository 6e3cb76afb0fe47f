namespace Cee.Cli.Review;

/// <summary>A stored document the local review desk serves: its file under the output folder, and the media type its bytes show.</summary>
public sealed record ReviewDocumentFile(string Path, string ContentType, string DownloadName);
