using System.Globalization;
using Cee.Routing.Centers;

namespace Cee.CenterInbox.Hosting;

/// <summary>
/// The <c>Inbox</c> section: which Center this inbox is, where its topic is, where the API is and
/// where documents go. Checked at start-up (<see cref="Validate"/>): a wrong setting stops the worker
/// before it takes a message.
/// </summary>
public sealed class InboxSettings
{
    public const string SectionName = "Inbox";

    /// <summary>The ACE Center ID this inbox takes documents for, e.g. <c>CEE007</c>.</summary>
    public string? Center { get; set; }

    /// <summary>The Service Bus namespace host, e.g. <c>sb-cee-x.servicebus.windows.net</c> (managed identity).</summary>
    public string? FullyQualifiedNamespace { get; set; }

    /// <summary>Instead of the namespace: a connection string, for the local Service Bus emulator only.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The user-assigned managed identity's client id (main.bicep's <c>CENTER_INBOX_IDENTITIES</c>); null for the default credential chain.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The subscriptions of the Center's topic to take messages from (topology.json names them). Default <c>all</c>.</summary>
    public List<string> Subscriptions { get; set; } = [];

    /// <summary>The Functions app's base address, e.g. <c>https://func-cee-x.azurewebsites.net/</c>.</summary>
    public string? ApiBaseUrl { get; set; }

    /// <summary>The token scope of the API: <c>api://&lt;client id&gt;/.default</c>.</summary>
    public string? ApiScope { get; set; }

    /// <summary>How long one receipt call may take before it counts as a transient failure. Default 30 s.</summary>
    public TimeSpan ApiTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the processor keeps renewing a message's lock while it is handled. Default 10 minutes.</summary>
    public TimeSpan MaxAutoLockRenewalDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many sessions (entries) are handled at once; within a session, one message at a time, in order. Default 8.</summary>
    public int MaxConcurrentSessions { get; set; } = 8;

    /// <summary>Where the folder document handler writes each document's record.</summary>
    public string? DocumentFolder { get; set; }

    /// <summary>The subscriptions, with the default when none is set.</summary>
    public IReadOnlyList<string> SubscriptionNames => Subscriptions.Count > 0 ? Subscriptions : ["all"];

    /// <summary>The Center's topic, from the topology.</summary>
    public string Topic => CenterCatalog.Default.Get(Center!).Topic;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!CenterCatalog.Default.TryGet(Center, out _))
        {
            problems.Add($"Inbox__Center {CenterCatalog.DescribeUnknown(Center)}");
        }

        if (string.IsNullOrWhiteSpace(FullyQualifiedNamespace) == string.IsNullOrWhiteSpace(ConnectionString))
        {
            problems.Add("Set exactly one of Inbox__FullyQualifiedNamespace (Azure, managed identity) and Inbox__ConnectionString (the local emulator).");
        }

        var known = CenterCatalog.Default.CenterTopicSubscriptions.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(SubscriptionNames.Where(s => !known.Contains(s))
            .Select(s => $"Inbox__Subscriptions names '{s}', not a subscription of a Center topic ({string.Join(", ", known)})."));
        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && !api.IsLoopback))
        {
            problems.Add($"Inbox__ApiBaseUrl '{ApiBaseUrl}' is not an https address (http only on loopback).");
        }

        if (string.IsNullOrWhiteSpace(ApiScope))
        {
            problems.Add("Inbox__ApiScope is required: api://<the API's client id>/.default.");
        }

        if (string.IsNullOrWhiteSpace(DocumentFolder))
        {
            problems.Add("Inbox__DocumentFolder is required: where the inbox keeps each document it takes.");
        }

        AddRange(problems, "ApiTimeout", ApiTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        AddRange(problems, "MaxAutoLockRenewalDuration", MaxAutoLockRenewalDuration, TimeSpan.FromSeconds(30), TimeSpan.FromHours(2));
        if (MaxConcurrentSessions is < 1 or > 100)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Inbox__MaxConcurrentSessions {MaxConcurrentSessions} is not between 1 and 100."));
        }

        return problems;
    }

    private static void AddRange(List<string> problems, string name, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Inbox__{name} {value} is not between {min} and {max}."));
        }
    }
}
