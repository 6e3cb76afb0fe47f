using Azure.Messaging.ServiceBus;
using Cee.Routing.Intake;
using Cee.Routing.Messages;
using Cee.Routing.Policy;

namespace Cee.CenterInbox.Tests;

/// <summary>Messages of the Center topic cee007 as the Functions app publishes them, made with <see cref="ServiceBusModelFactory"/>.</summary>
internal static class Messages
{
    public const string Entry = "002-6110316-2";

    public const string DropId = "d4c2e8a1f0b7d3c9e6a5f1b2c8d0e4a7f";

    public static RoutedDocumentMessage Document(int ordinal = 1, string center = "CEE007") => new(
        RoutedDocumentMessage.SchemaName,
        RoutedDocumentMessage.CurrentVersion,
        $"{DropId}-{ordinal:000}",
        DropId,
        "a03f7a1c9e5b2d8f4a6c0e1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f2a4c6e8b0d1f3",
        $"documents/{DropId}-{ordinal:000}",
        ordinal == 1 ? "Commercial Invoice" : "Packing List",
        DocumentKind.EntrySummary,
        $"document-{ordinal}.pdf",
        "pdf",
        48_213,
        "2704",
        "002",
        [Entry],
        "12-345678900",
        null,
        center,
        center == "CEE007" ? "Electronics" : "Base Metals",
        new RoutingDecision(DecisionOutcome.Route, center, RoutingBasis.ImporterAccount, "importer-account",
            ["importer 12-345678900 is assigned to CEE007"], [], [], []),
        DropId,
        new DateTimeOffset(2026, 11, 23, 9, 0, ordinal, TimeSpan.Zero));

    /// <summary>The withdrawal of document <paramref name="ordinal"/> as <c>MessageFactory.Withdrawal</c> publishes it: filer IVR withdrew it in drop 2704's later DocumentWithdrawal.</summary>
    public static WithdrawalMessage Withdrawal(int ordinal = 1, string center = "CEE007", int version = WithdrawalMessage.CurrentVersion) => new(
        WithdrawalMessage.SchemaName,
        version,
        $"{DropId}-{ordinal:000}",
        DropId,
        $"DOC-{ordinal}",
        "7e1b9c3d5f2a4e6b8c0d1f3a5b7c9e2d4",
        "2704",
        "002",
        [Entry],
        center,
        "Filed in error",
        "The invoice was sent twice",
        "7e1b9c3d5f2a4e6b8c0d1f3a5b7c9e2d4",
        new DateTimeOffset(2026, 11, 24, 10, 15, 0, TimeSpan.Zero));

    public static ServiceBusReceivedMessage Received(WithdrawalMessage withdrawal) =>
        Received(ContractJson.Serialize(withdrawal), "withdrawal-" + withdrawal.DocumentId);

    public static ServiceBusReceivedMessage Received(string body, string messageId, string sessionId = Entry, int deliveryCount = 1) =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: BinaryData.FromString(body),
            messageId: messageId,
            sessionId: sessionId,
            correlationId: DropId,
            subject: "entry-summary",
            contentType: "application/json",
            deliveryCount: deliveryCount,
            lockTokenGuid: Guid.NewGuid());

    public static ServiceBusReceivedMessage Received(RoutedDocumentMessage document, int deliveryCount = 1) =>
        Received(ContractJson.Serialize(document), document.DocumentId, deliveryCount: deliveryCount);
}
