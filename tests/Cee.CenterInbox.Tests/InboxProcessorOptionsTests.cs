using Azure.Messaging.ServiceBus;
using Cee.CenterInbox.Hosting;
using Cee.CenterInbox.Processing;

namespace Cee.CenterInbox.Tests;

public class InboxProcessorOptionsTests
{
    public const int OneAtATime = 1;

    [Fact]
    public void Create_FromSettings_SettlesByHandOneMessagePerSessionAndRenewsTheLock()
    {
        var options = InboxProcessorOptions.Create(new InboxSettings { MaxAutoLockRenewalDuration = TimeSpan.FromMinutes(20), MaxConcurrentSessions = 4 });

        Assert.False(options.AutoCompleteMessages);
        Assert.Equal(OneAtATime, options.MaxConcurrentCallsPerSession);
        Assert.Equal(4, options.MaxConcurrentSessions);
        Assert.Equal(ServiceBusReceiveMode.PeekLock, options.ReceiveMode);
        Assert.Equal(TimeSpan.FromMinutes(20), options.MaxAutoLockRenewalDuration);
    }
}
