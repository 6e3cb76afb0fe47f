using Azure.Messaging.ServiceBus;

namespace Cee.Functions.Harness.ServiceBus;

/// <summary>One message the app handed to a Service Bus sender, as it would have gone to the topic.</summary>
/// <param name="Topic">The sender's topic.</param>
/// <param name="Message">The message exactly as <c>ServiceBusTopicPublisher</c> built it.</param>
public sealed record PublishedMessage(string Topic, ServiceBusMessage Message)
{
    public string MessageId => Message.MessageId;

    public string Body => Message.Body.ToString();
}
