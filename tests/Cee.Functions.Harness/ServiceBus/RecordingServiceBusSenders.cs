using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;
using Cee.Routing.Centers;
using Microsoft.Extensions.Azure;

namespace Cee.Functions.Harness.ServiceBus;

/// <summary>
/// Stands in for the app's named <see cref="ServiceBusSender"/> registrations (one per topic of the
/// topology, <c>AddCeeFunctions</c>): the same names, each a <see cref="RecordingServiceBusSender"/>.
/// A topic outside the topology has no sender, as in the app, and fails.
/// </summary>
public sealed class RecordingServiceBusSenders : IAzureClientFactory<ServiceBusSender>
{
    private readonly ConcurrentDictionary<string, RecordingServiceBusSender> _senders = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<PublishedMessage> _published = new();
    private readonly HashSet<string> _topics = [.. CenterCatalog.Default.All.Select(c => c.Topic).Append(CenterCatalog.Default.TriageTopic)];

    /// <summary>Every message handed to a sender, in the order they were sent.</summary>
    public IReadOnlyList<PublishedMessage> Published => [.. _published];

    public ServiceBusSender CreateClient(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _topics.Contains(name)
            ? _senders.GetOrAdd(name, topic => new RecordingServiceBusSender(topic, this))
            : throw new InvalidOperationException($"No ServiceBusSender is registered with the name '{name}' (not a topic of the topology).");
    }

    /// <summary>The messages whose body or properties concern <paramref name="dropId"/> (the message ids start with it).</summary>
    public IReadOnlyList<PublishedMessage> Of(string dropId) =>
        [.. _published.Where(m => m.MessageId.Contains(dropId, StringComparison.Ordinal))];

    public void Clear() => _published.Clear();

    internal void Record(PublishedMessage message) => _published.Enqueue(message);
}
