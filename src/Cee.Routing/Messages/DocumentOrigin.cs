namespace Cee.Routing.Messages;

/// <summary>Where a document came from, as a Center's message states it: its drop, port, filer, entries, importer (masked) and the CBP request it answers.</summary>
public sealed record DocumentOrigin(
    string DropId,
    string? Port,
    string? Filer,
    IReadOnlyList<string> Entries,
    string? Importer,
    string? CbpRequestId);
