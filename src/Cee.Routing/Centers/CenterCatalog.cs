using System.Collections.Frozen;
using System.Text.Json;

namespace Cee.Routing.Centers;

/// <summary>
/// The ten Centers, the triage topic and the subscriptions every deployment creates on them, read
/// once from the embedded <c>topology.json</c>.
/// </summary>
public sealed class CenterCatalog
{
    private const string ResourceName = "Cee.Routing.Centers.topology.json";

    private static readonly Lazy<CenterCatalog> LazyDefault = new(LoadEmbedded);

    private readonly FrozenDictionary<string, Center> _byId;

    private CenterCatalog(
        string version,
        string triageTopic,
        IReadOnlyList<Center> centers,
        IReadOnlyList<TopicSubscription> centerTopicSubscriptions,
        IReadOnlyList<TopicSubscription> triageTopicSubscriptions)
    {
        Version = version;
        TriageTopic = triageTopic;
        All = centers;
        CenterTopicSubscriptions = centerTopicSubscriptions;
        TriageTopicSubscriptions = triageTopicSubscriptions;
        _byId = centers.ToFrozenDictionary(c => c.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The catalog shipped with this build.</summary>
    public static CenterCatalog Default => LazyDefault.Value;

    /// <summary>Version of the topology data (a date).</summary>
    public string Version { get; }

    /// <summary>Topic for documents that need a person to decide their Center.</summary>
    public string TriageTopic { get; }

    /// <summary>All ten Centers, in ACE Center ID order.</summary>
    public IReadOnlyList<Center> All { get; }

    /// <summary>
    /// The subscriptions created on every Center topic (one per document kind Centers' teams
    /// listen to, plus one for everything). Empty when the topology declares none.
    /// </summary>
    public IReadOnlyList<TopicSubscription> CenterTopicSubscriptions { get; }

    /// <summary>The subscriptions created on the triage topic. Empty when the topology declares none.</summary>
    public IReadOnlyList<TopicSubscription> TriageTopicSubscriptions { get; }

    /// <summary>Finds a Center by its ACE Center ID (case-insensitive).</summary>
    public bool TryGet(string? id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Center? center)
    {
        center = null;
        return id is not null && _byId.TryGetValue(id.Trim(), out center);
    }

    /// <summary>Finds a Center by its ACE Center ID or throws a <see cref="KeyNotFoundException"/> that says why.</summary>
    public Center Get(string id) =>
        TryGet(id, out var center) ? center : throw new KeyNotFoundException(DescribeUnknown(id));

    /// <summary>A sentence saying why <paramref name="id"/> is not a Center ID.</summary>
    public static string DescribeUnknown(string? id) =>
        id is not null && AccountStates.IsAccountState(id.AsSpan().Trim())
            ? $"'{id}' is an importer-account state, not a Center."
            : $"'{id}' is not an ACE Center ID; expected CEE001 to CEE010.";

    /// <summary>Reads and validates topology JSON (the embedded file, or a test's copy).</summary>
    internal static CenterCatalog Parse(Stream utf8Json)
    {
        var document = JsonSerializer.Deserialize(utf8Json, TopologyJsonContext.Default.TopologyDocument)
            ?? throw new InvalidDataException("topology.json is empty.");
        var centers = document.Centers
            .Select(c => new Center(c.Id, c.TeamCode, c.Name, c.ManagedFrom, c.Industries, c.Topic))
            .ToList();
        Validate(document.TriageTopic, centers);
        var centerTopicSubscriptions = ReadSubscriptions(document.Subscriptions?.CenterTopic, "centerTopic");
        var triageTopicSubscriptions = ReadSubscriptions(document.Subscriptions?.TriageTopic, "triageTopic");
        return new CenterCatalog(document.Version, document.TriageTopic, centers, centerTopicSubscriptions, triageTopicSubscriptions);
    }

    private static CenterCatalog LoadEmbedded()
    {
        using var stream = typeof(CenterCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the build.");
        return Parse(stream);
    }

    private static void Validate(string triageTopic, List<Center> centers)
    {
        if (centers.Count != 10)
        {
            throw new InvalidDataException($"topology.json lists {centers.Count} Centers; CBP has ten.");
        }

        var topics = new HashSet<string>(StringComparer.Ordinal) { triageTopic };
        ValidateTopicName(triageTopic, "triageTopic");
        for (var i = 0; i < centers.Count; i++)
        {
            var center = centers[i];
            var expectedId = $"CEE{i + 1:000}";
            if (!string.Equals(center.Id, expectedId, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"topology.json centers[{i}] has id '{center.Id}'; expected {expectedId} (Centers are listed in ID order).");
            }

            if (!string.Equals(center.TeamCode, expectedId[3..], StringComparison.Ordinal))
            {
                throw new InvalidDataException($"topology.json {center.Id} has team code '{center.TeamCode}'; expected {expectedId[3..]}.");
            }

            ValidateTopicName(center.Topic, center.Id);
            if (!topics.Add(center.Topic))
            {
                throw new InvalidDataException($"topology.json {center.Id} reuses topic '{center.Topic}'.");
            }
        }
    }

    // Subscription names follow the topic-name rule but Service Bus caps them at 50 characters.
    private static List<TopicSubscription> ReadSubscriptions(IReadOnlyList<TopologySubscription>? declared, string owner)
    {
        var subscriptions = new List<TopicSubscription>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var subscription in declared ?? [])
        {
            var name = subscription.Name;
            if (string.IsNullOrEmpty(name) || name.Length > 50 ||
                !name.All(ch => ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.' or '_'))
            {
                throw new InvalidDataException($"topology.json subscriptions.{owner} has subscription '{name}', which is not a lower-case Service Bus subscription name of at most 50 characters.");
            }

            if (!names.Add(name))
            {
                throw new InvalidDataException($"topology.json subscriptions.{owner} lists subscription '{name}' twice.");
            }

            if (string.IsNullOrWhiteSpace(subscription.Filter))
            {
                throw new InvalidDataException($"topology.json subscriptions.{owner} '{name}' has no SQL filter; use 1=1 to receive every message.");
            }

            subscriptions.Add(new TopicSubscription(name, subscription.Filter));
        }

        return subscriptions;
    }

    // Service Bus entity names: letters, digits, '.', '-', '_', at most 260 characters; we keep to
    // lower case so the name is the same in every tool that folds case.
    private static void ValidateTopicName(string topic, string owner)
    {
        if (string.IsNullOrEmpty(topic) || topic.Length > 260 ||
            !topic.All(ch => ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.' or '_'))
        {
            throw new InvalidDataException($"topology.json {owner} has topic '{topic}', which is not a lower-case Service Bus entity name.");
        }
    }
}
