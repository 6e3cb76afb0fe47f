namespace Cee.Triage;

/// <summary>One static file of the triage console: its bytes and the media type to serve them with.</summary>
public sealed record TriageAsset(string Name, string ContentType, byte[] Content);
