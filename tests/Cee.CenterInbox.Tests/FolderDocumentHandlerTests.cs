using Cee.CenterInbox.Documents;
using Cee.Routing.Messages;

namespace Cee.CenterInbox.Tests;

public sealed class FolderDocumentHandlerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cee-inbox-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task HandleAsync_Document_WritesItsRecordUnderItsSessionAndAgainTheSameBytes()
    {
        var handler = new FolderDocumentHandler(_folder);
        var document = Messages.Document();

        await handler.HandleAsync(document, Messages.Entry, CancellationToken.None);
        var path = Path.Combine(_folder, Messages.Entry, document.DocumentId + ".json");
        var first = await File.ReadAllBytesAsync(path);
        await handler.HandleAsync(document, Messages.Entry, CancellationToken.None);

        Assert.Equal(first, await File.ReadAllBytesAsync(path));
        Assert.Equal(document.DocumentId, ContractJson.Deserialize<RoutedDocumentMessage>(await File.ReadAllTextAsync(path)).DocumentId);
        Assert.Equal([path], Directory.GetFiles(_folder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task WithdrawAsync_KeptDocument_RecordsTheWithdrawalBesideItAndAgainTheSameBytes()
    {
        var handler = new FolderDocumentHandler(_folder);
        var document = Messages.Document();
        var withdrawal = Messages.Withdrawal();
        await handler.HandleAsync(document, Messages.Entry, CancellationToken.None);
        var kept = await File.ReadAllBytesAsync(Path.Combine(_folder, Messages.Entry, document.DocumentId + ".json"));

        await handler.WithdrawAsync(withdrawal, Messages.Entry, CancellationToken.None);
        var path = Path.Combine(_folder, Messages.Entry, document.DocumentId + FolderDocumentHandler.WithdrawalSuffix);
        var first = await File.ReadAllBytesAsync(path);
        await handler.WithdrawAsync(withdrawal, Messages.Entry, CancellationToken.None);

        Assert.Equal(first, await File.ReadAllBytesAsync(path));
        var read = ContractJson.Deserialize<WithdrawalMessage>(await File.ReadAllTextAsync(path));
        Assert.Equal((document.DocumentId, "Filed in error"), (read.DocumentId, read.Reason));
        Assert.Equal(kept, await File.ReadAllBytesAsync(Path.Combine(_folder, Messages.Entry, document.DocumentId + ".json")));
        Assert.Equal(2, Directory.GetFiles(_folder, "*", SearchOption.AllDirectories).Length);
    }

    [Theory]
    [InlineData("../../etc", "______etc")]
    [InlineData("002-6110316-2", "002-6110316-2")]
    [InlineData("ssn-5f0c2b7a9e", "ssn-5f0c2b7a9e")]
    [InlineData("", "_")]
    public void SafeName_AnyId_IsOnePathSegment(string id, string expected)
    {
        Assert.Equal(expected, FolderDocumentHandler.SafeName(id));
    }
}
