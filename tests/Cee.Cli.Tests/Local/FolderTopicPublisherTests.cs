using System.Text.Json;
using Cee.Cli.Local;
using Cee.Cli.Local.Output;
using Cee.Routing.Messages;

namespace Cee.Cli.Tests.Local;

public class FolderTopicPublisherTests
{
    private static TopicMessage Message(string body) => new(
        "cee007",
        new MessageProperties("d0123-001", "002-6110316-2", "d0123", "entry-summary", "application/json",
            new Dictionary<string, string> { ["kind"] = "entry-summary", ["port"] = "2704", ["center"] = "CEE007" }),
        body);

    [Fact]
    public async Task PublishAsync_Message_WritesPropertiesAndExactBody()
    {
        using var dir = new TempDirectory();
        var publisher = new FolderTopicPublisher(new OutputFolder(dir.Path));
        const string body = """{"schema":"cee.routed-document","center":"CEE007","label":"Invoice & Packing List"}""";

        await publisher.PublishAsync(Message(body), CancellationToken.None);

        var path = dir.Combine(FolderTopicPublisher.Folder, "cee007", "d0123-001.json");
        using var file = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var root = file.RootElement;
        Assert.Equal("cee007", root.GetProperty("topic").GetString());
        Assert.Equal("d0123-001", root.GetProperty("properties").GetProperty("messageId").GetString());
        Assert.Equal("002-6110316-2", root.GetProperty("properties").GetProperty("sessionId").GetString());
        Assert.Equal("CEE007", root.GetProperty("properties").GetProperty("applicationProperties").GetProperty("center").GetString());
        Assert.Equal(body, root.GetProperty("body").GetRawText());
        Assert.Single(Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task PublishAsync_SameMessageIdTwice_KeepsOneFile()
    {
        using var dir = new TempDirectory();
        var publisher = new FolderTopicPublisher(new OutputFolder(dir.Path));

        await publisher.PublishAsync(Message("""{"n":1}"""), CancellationToken.None);
        await publisher.PublishAsync(Message("""{"n":2}"""), CancellationToken.None);

        Assert.Single(Directory.GetFiles(dir.Combine(FolderTopicPublisher.Folder, "cee007")));
    }

    [Fact]
    public async Task PublishAsync_BodyNotJson_Throws()
    {
        using var dir = new TempDirectory();

        await Assert.ThrowsAnyAsync<JsonException>(() => new FolderTopicPublisher(new OutputFolder(dir.Path)).PublishAsync(Message("not json"), CancellationToken.None));
    }
}
