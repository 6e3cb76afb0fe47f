namespace Cee.CenterInbox.Api;

/// <summary>The API's answer to a receipt: the outcome and, when it is not acknowledged, what the API (or the network) said.</summary>
public sealed record ReceiptResult(ReceiptOutcome Outcome, string? Detail = null)
{
    public static ReceiptResult Acknowledged { get; } = new(ReceiptOutcome.Acknowledged);
}
