using Cee.Functions.Hosting;
using Cee.Functions.Http;
using Cee.Routing.Inbox;
using Cee.Routing.Ports;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace Cee.Functions.Tests.Support;

/// <summary>The review endpoint's <see cref="ReviewSubmission"/> over a ledger, with the transfer-limit path the app wires.</summary>
internal static class ReviewSubmissions
{
    public static ReviewSubmission Over(IRoutingLedger ledger, TimeProvider time, ITopicPublisher? publisher = null) =>
        new(ledger, Transfers(ledger, time, publisher), time, NullLogger<ReviewSubmission>.Instance);

    public static TransferReviewDecisions Transfers(IRoutingLedger ledger, TimeProvider time, ITopicPublisher? publisher = null) =>
        new(ledger,
            new CenterActions(ledger, publisher ?? Mock.Of<ITopicPublisher>(MockBehavior.Strict), new TimeProviderClock(time), new TransferOptions()),
            NullLogger<TransferReviewDecisions>.Instance);
}
