using Cee.Cli.Local.Output;

namespace Cee.Cli.Tests.Local;

/// <summary>The output folder's atomic writes: temporary file, then a rename into a folder made once per run.</summary>
public sealed class OutputFolderTests
{
    private static readonly byte[] Message = "{\"documentId\":\"d3f1c2a9b7e4d5c6f8a9b0c1d2e3f4a5b-001\"}"u8.ToArray();

    [Fact]
    public void WriteAtomically_FolderRemovedAfterAnEarlierWrite_MakesItAgainAndWrites()
    {
        using var dir = new TempDirectory();
        var output = new OutputFolder(dir.Path);
        output.PurgeTemporary();
        output.WriteAtomically("topics/cee004/first.json", Message, OutputWriteKind.TopicMessage);
        Directory.Delete(Path.Combine(dir.Path, "topics", "cee004"), recursive: true);

        output.WriteAtomically("topics/cee004/second.json", Message, OutputWriteKind.TopicMessage);

        Assert.Equal(Message, File.ReadAllBytes(Path.Combine(dir.Path, "topics", "cee004", "second.json")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(dir.Path, OutputFolder.TemporaryFolder)));
    }

    [Fact]
    public async Task WriteAtomically_ManyWritersIntoOneNewFolder_EveryFileLandsWhole()
    {
        using var dir = new TempDirectory();
        var output = new OutputFolder(dir.Path);
        output.PurgeTemporary();

        await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() =>
            output.WriteAtomically($"documents/doc-{i:D3}.json", Message, OutputWriteKind.Document))));

        Assert.Equal(64, Directory.GetFiles(Path.Combine(dir.Path, "documents")).Length);
        Assert.All(Directory.GetFiles(Path.Combine(dir.Path, "documents")), f => Assert.Equal(Message, File.ReadAllBytes(f)));
    }
}
