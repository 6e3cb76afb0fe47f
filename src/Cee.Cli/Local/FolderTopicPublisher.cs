using System.Text.Json;
using Cee.Cli.Local.Output;
using Cee.Routing.Messages;
using Cee.Routing.Ports;

namespace Cee.Cli.Local;

/// <summary>
/// Publishes by writing each message to <c>&lt;out&gt;/topics/&lt;topic&gt;/&lt;MessageId&gt;.json</c>: its
/// Service Bus properties and its exact JSON body, whole or not at all (<see cref="OutputFolder.WriteAtomically"/>).
/// The same MessageId replaces the same file, as Service Bus duplicate detection would drop a repeat.
/// </summary>
public sealed class FolderTopicPublisher(OutputFolder output) : ITopicPublisher
{
    public const string Folder = "topics";

    public Task PublishAsync(TopicMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        // A message is a few KB: one synchronous write is cheaper than an asynchronous one here.
        output.WriteAtomically(PathOf(message), Render(message), OutputWriteKind.TopicMessage);
        return Task.CompletedTask;
    }

    /// <summary>Where <paramref name="message"/> is written, relative to the output folder.</summary>
    public static string PathOf(TopicMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return $"{Folder}/{SafeName(message.Topic)}/{SafeName(message.Properties.MessageId)}.json";
    }

    /// <summary>The file's content: <c>{ "topic", "properties", "body" }</c> with the body written byte for byte.</summary>
    public static byte[] Render(TopicMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = ContractJson.Options.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteString("topic", message.Topic);
            writer.WritePropertyName("properties");
            JsonSerializer.Serialize(writer, message.Properties, ContractJson.Options);
            writer.WritePropertyName("body");
            writer.WriteRawValue(message.Body, skipInputValidation: false);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    // Topic names and message ids are ours (lower-case letters, digits, '-'), but a file name is
    // no place to trust that.
    private static string SafeName(string name) =>
        string.Concat(name.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.' ? ch : '_'));
}
