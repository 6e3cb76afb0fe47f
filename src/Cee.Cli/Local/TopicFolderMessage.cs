using Cee.Routing.Inbox;
using Cee.Routing.Messages;

namespace Cee.Cli.Local;

/// <summary>One message file under <c>&lt;out&gt;/topics/&lt;topic&gt;/</c>: its properties (null when the file is unreadable) and its body as a Center's inbox reads it.</summary>
/// <param name="File">The file, relative to the output folder.</param>
public sealed record TopicFolderMessage(string File, MessageProperties? Properties, RoutedDocumentRead Read);
