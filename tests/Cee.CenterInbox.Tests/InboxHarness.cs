using System.Net;
using Azure.Core;
using Azure.Messaging.ServiceBus;
using Cee.CenterInbox.Api;
using Cee.CenterInbox.Documents;
using Cee.CenterInbox.Hosting;
using Cee.CenterInbox.Processing;
using Cee.Routing.Messages;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace Cee.CenterInbox.Tests;

/// <summary>
/// The handler of CEE007's inbox over a mocked session receiver (what the processor's event
/// arguments settle through), a document handler that records, and the real HTTP API client over
/// an HTTP handler that answers as the test says. <see cref="Steps"/> is everything, in order.
/// </summary>
internal sealed class InboxHarness
{
    public const string ApiBase = "https://func-cee-test.azurewebsites.net/";

    public Mock<ServiceBusSessionReceiver> Receiver { get; } = new();

    public List<string> Steps { get; } = [];

    public Queue<Func<HttpRequestMessage, Task<HttpResponseMessage>>> Answers { get; } = new();

    public List<HttpRequestMessage> Requests { get; } = [];

    public Exception? KeepFailure { get; set; }

    public TimeSpan ApiTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public InboxHarness()
    {
        Receiver.Setup(r => r.CompleteMessageAsync(It.IsAny<ServiceBusReceivedMessage>(), It.IsAny<CancellationToken>()))
            .Callback<ServiceBusReceivedMessage, CancellationToken>((m, _) => Steps.Add($"complete {m.MessageId}"))
            .Returns(Task.CompletedTask);
        Receiver.Setup(r => r.AbandonMessageAsync(It.IsAny<ServiceBusReceivedMessage>(), It.IsAny<IDictionary<string, object>>(), It.IsAny<CancellationToken>()))
            .Callback<ServiceBusReceivedMessage, IDictionary<string, object>, CancellationToken>((m, _, _) => Steps.Add($"abandon {m.MessageId}"))
            .Returns(Task.CompletedTask);
        Receiver.Setup(r => r.DeadLetterMessageAsync(It.IsAny<ServiceBusReceivedMessage>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback<ServiceBusReceivedMessage, string, string, CancellationToken>((m, reason, description, _) => Steps.Add($"dead-letter {m.MessageId} {reason}: {description}"))
            .Returns(Task.CompletedTask);
    }

    public void Answer(HttpStatusCode status, string body = "") =>
        Answers.Enqueue(_ => Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body) }));

    public Task<InboxDisposition> HandleAsync(ServiceBusReceivedMessage message) =>
        Handler().HandleAsync(new ProcessSessionMessageEventArgs(message, Receiver.Object, CancellationToken.None));

    public InboxMessageHandler Handler()
    {
        var settings = new InboxSettings { Center = "CEE007", ApiBaseUrl = ApiBase, ApiScope = "api://9f2c4b0e-8d1a-4c3f-a5e6-b9a2d4c8e1f0/.default", ApiTimeout = ApiTimeout };
        var credential = new Mock<TokenCredential>();
        credential.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken("eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.inbox", DateTimeOffset.UtcNow.AddHours(1)));
        var api = new HttpCenterApi(new HttpClient(new AnsweringHandler(this)), credential.Object, settings);
        return new InboxMessageHandler("CEE007", new RecordingDocuments(this), api, NullLogger<InboxMessageHandler>.Instance);
    }

    private sealed class RecordingDocuments(InboxHarness harness) : ICenterDocumentHandler
    {
        public Task HandleAsync(RoutedDocumentMessage document, string sessionId, CancellationToken cancellationToken)
        {
            if (harness.KeepFailure is { } failure)
            {
                throw failure;
            }

            harness.Steps.Add($"keep {document.DocumentId} in {sessionId}");
            return Task.CompletedTask;
        }

        public Task WithdrawAsync(WithdrawalMessage withdrawal, string sessionId, CancellationToken cancellationToken)
        {
            if (harness.KeepFailure is { } failure)
            {
                throw failure;
            }

            harness.Steps.Add($"withdraw {withdrawal.DocumentId} in {sessionId}: {withdrawal.Reason}");
            return Task.CompletedTask;
        }
    }

    private sealed class AnsweringHandler(InboxHarness harness) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            harness.Requests.Add(request);
            harness.Steps.Add($"{request.Method} {request.RequestUri!.AbsolutePath}");
            var answer = harness.Answers.Count > 0 ? harness.Answers.Dequeue() : _ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
            var response = await answer(request).WaitAsync(cancellationToken);
            return response;
        }
    }
}
