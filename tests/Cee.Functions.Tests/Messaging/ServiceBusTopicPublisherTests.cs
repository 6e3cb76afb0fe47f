using System.Text;
using Azure.Messaging.ServiceBus;
using Cee.Functions.Messaging;
using Cee.Routing.Messages;
using Microsoft.Extensions.Azure;
using Moq;

namespace Cee.Functions.Tests.Messaging;

public class ServiceBusTopicPublisherTests
{
    private static readonly TopicMessage Message = new(
        "cee007",
        new MessageProperties(
            "d0123456789abcdef0123456789abcdef-001",
            "002-6110316-2",
            "d0123456789abcdef0123456789abcdef",
            "entry-summary",
            "application/json",
            new Dictionary<string, string> { ["kind"] = "entry-summary", ["port"] = "2704", ["center"] = "CEE007" }),
        """{"schema":"cee.routed-document","label":"Factura café"}""");

    [Fact]
    public async Task PublishAsync_Message_SendsOnTheTopicsSenderWithEveryProperty()
    {
        ServiceBusMessage? sent = null;
        var sender = new Mock<ServiceBusSender>();
        sender.Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .Callback<ServiceBusMessage, CancellationToken>((m, _) => sent = m)
            .Returns(Task.CompletedTask);
        var senders = new Mock<IAzureClientFactory<ServiceBusSender>>(MockBehavior.Strict);
        senders.Setup(f => f.CreateClient("cee007")).Returns(sender.Object);

        await new ServiceBusTopicPublisher(senders.Object).PublishAsync(Message, CancellationToken.None);

        Assert.NotNull(sent);
        Assert.Equal(Message.Properties.MessageId, sent.MessageId);
        Assert.Equal("002-6110316-2", sent.SessionId);
        Assert.Equal(Message.Properties.CorrelationId, sent.CorrelationId);
        Assert.Equal("entry-summary", sent.Subject);
        Assert.Equal("application/json", sent.ContentType);
        Assert.Equal(Message.Properties.ApplicationProperties.Count, sent.ApplicationProperties.Count);
        Assert.All(Message.Properties.ApplicationProperties, p => Assert.Equal(p.Value, sent.ApplicationProperties[p.Key]));
        Assert.Equal(Encoding.UTF8.GetBytes(Message.Body), sent.Body.ToArray());
    }

    [Fact]
    public async Task PublishAsync_TopicOutsideTheTopology_FailsWithoutSending()
    {
        var senders = new Mock<IAzureClientFactory<ServiceBusSender>>();
        senders.Setup(f => f.CreateClient(It.IsAny<string>()))
            .Throws(new InvalidOperationException("Unable to find client registration with type 'ServiceBusSender' and name 'nope'."));

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new ServiceBusTopicPublisher(senders.Object).PublishAsync(Message with { Topic = "nope" }, CancellationToken.None));
    }
}
