using System.Text.Json.Serialization;
using Cee.Routing.Intake;

namespace Cee.Routing.Dis;

/// <summary>
/// Everything the DIS reader took from one package: its facts as written, each document's decoded
/// size, hash and type, and what it found wrong. Whatever was read before a fatal fault is kept.
/// </summary>
/// <param name="ContentSha256">Lower-case hex SHA-256 of the bytes read: the whole package, or the bytes up to the size limit when it was too large.</param>
/// <param name="ContentLength">Bytes read.</param>
/// <param name="Payload">The MessageBody's payload element, e.g. <c>DocumentSubmissionPackage</c> or <c>DocumentWithdrawal</c>; null when none was read.</param>
/// <param name="Findings">What the reader found, in the order found (intake sorts and checks further).</param>
/// <param name="Withdrawal">For a <c>DocumentWithdrawal</c>: the document it names and why; null for any other payload.</param>
public sealed record DisPackage(
    [property: JsonPropertyName("contentSha256")] string ContentSha256,
    [property: JsonPropertyName("contentLength")] long ContentLength,
    [property: JsonPropertyName("payload")] string? Payload,
    [property: JsonPropertyName("header")] DisMessageHeader? Header,
    [property: JsonPropertyName("packageIdentifier")] DisPackageIdentifier? PackageIdentifier,
    [property: JsonPropertyName("submittedToPortCode")] string? SubmittedToPortCode,
    [property: JsonPropertyName("actionCode")] string? ActionCode,
    [property: JsonPropertyName("tradeTransaction")] DisTradeTransaction? TradeTransaction,
    [property: JsonPropertyName("cbpRequest")] DisCbpRequest? CbpRequest,
    [property: JsonPropertyName("documents")] IReadOnlyList<DisDocument> Documents,
    [property: JsonPropertyName("findings")] IReadOnlyList<Finding> Findings,
    [property: JsonPropertyName("withdrawal")] WithdrawalRequest? Withdrawal = null);
