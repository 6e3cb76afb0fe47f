namespace Cee.Functions.Storage;

/// <summary>How long a document link of the triage console reads (ADR 14).</summary>
public static class DocumentLinkLifetime
{
    /// <summary>Five minutes: long enough to open the document, short enough that a copied link is soon dead.</summary>
    public static readonly TimeSpan Value = TimeSpan.FromMinutes(5);

    /// <summary>Clock skew allowed between this app and Storage: a link starts this much before it is made.</summary>
    public static readonly TimeSpan Skew = TimeSpan.FromMinutes(2);
}
