using System.Text.Json.Serialization;

namespace Cee.Routing.Intake;

/// <summary>
/// What a DIS <c>DocumentWithdrawal</c> asks: the document it names (its DocumentHeader, as the filer
/// sent it when submitting; free text masked) and why. The port and trade transaction it names are
/// the drop's <see cref="IntakeResult.Port"/> and <see cref="IntakeResult.Entries"/>.
/// </summary>
/// <param name="DocumentId">The DIS DocumentID of the document to withdraw, or null when the withdrawal names none.</param>
/// <param name="DocumentLabel">Its DocumentLabel.</param>
/// <param name="CompleteFileName">Its CompleteFileName.</param>
/// <param name="FileExtensionType">Its FileExtensionType.</param>
/// <param name="ActionCode">The withdrawal's ActionCode as written.</param>
/// <param name="Reason">DocumentWithdrawalReason, masked; empty when missing.</param>
/// <param name="Comment">The Comment, masked.</param>
public sealed record WithdrawalRequest(
    [property: JsonPropertyName("documentId")] string? DocumentId,
    [property: JsonPropertyName("documentLabel")] string? DocumentLabel,
    [property: JsonPropertyName("completeFileName")] string? CompleteFileName,
    [property: JsonPropertyName("fileExtensionType")] string? FileExtensionType,
    [property: JsonPropertyName("actionCode")] string? ActionCode,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("comment")] string? Comment);
