using Azure.Messaging.ServiceBus;
using Cee.CenterInbox.Hosting;

namespace Cee.CenterInbox.Processing;

/// <summary>The session processor's options, from the settings: the order and lock rules the inbox relies on.</summary>
public static class InboxProcessorOptions
{
    public static ServiceBusSessionProcessorOptions Create(InboxSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new ServiceBusSessionProcessorOptions
        {
            // Settled by the handler, only after the receipt: never by the processor on return.
            AutoCompleteMessages = false,
            // One message at a time within a session: an entry's documents in the order published.
            MaxConcurrentCallsPerSession = 1,
            MaxConcurrentSessions = settings.MaxConcurrentSessions,
            // PeekLock with the lock renewed while a slow handler or API call runs.
            ReceiveMode = ServiceBusReceiveMode.PeekLock,
            MaxAutoLockRenewalDuration = settings.MaxAutoLockRenewalDuration,
            SessionIdleTimeout = TimeSpan.FromSeconds(30),
        };
    }
}
