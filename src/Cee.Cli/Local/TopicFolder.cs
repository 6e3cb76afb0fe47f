using System.Text.Json;
using Cee.Routing.Inbox;
using Cee.Routing.Messages;

namespace Cee.Cli.Local;

/// <summary>
/// Reads the messages <see cref="FolderTopicPublisher"/> wrote for one topic, in the order a session
/// processor would hand them over: by session, then by the time each was published. A file that is
/// not a message is returned with its reason, never thrown.
/// </summary>
public static class TopicFolder
{
    public static IReadOnlyList<TopicFolderMessage> Read(string outFolder, string topic)
    {
        var folder = Path.Combine(outFolder, FolderTopicPublisher.Folder, topic);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(folder, "*.json")
            .Select(path => ReadOne(outFolder, path))
            .OrderBy(m => m.Properties?.SessionId ?? "~", StringComparer.Ordinal)
            .ThenBy(m => m.Read.Message?.RoutedAt ?? m.Read.Withdrawal?.WithdrawnAt ?? DateTimeOffset.MaxValue)
            .ThenBy(m => m.File, StringComparer.Ordinal)];
    }

    private static TopicFolderMessage ReadOne(string outFolder, string path)
    {
        var relative = Path.GetRelativePath(outFolder, path).Replace(Path.DirectorySeparatorChar, '/');
        try
        {
            using var file = JsonDocument.Parse(File.ReadAllBytes(path));
            var properties = file.RootElement.GetProperty("properties").Deserialize<MessageProperties>(ContractJson.Options);
            var body = file.RootElement.GetProperty("body").GetRawText();
            return new TopicFolderMessage(relative, properties, RoutedDocumentReader.Read(body));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            return new TopicFolderMessage(relative, null,
                RoutedDocumentRead.Unreadable(RoutedDocumentRead.MalformedBody, $"{relative} is not a message file: {ex.Message}"));
        }
    }
}
