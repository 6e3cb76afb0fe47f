using Cee.Routing.Accounts;
using Cee.Routing.Drops;
using Cee.Routing.Inbox;
using Cee.Routing.Ledger;
using Cee.Routing.Messages;
using Cee.Routing.Tests.Support;
using TestDrops = Cee.Routing.Tests.Support.Drops;

namespace Cee.Routing.Tests.Inbox;

/// <summary>The reader every consumer of a Center's topic uses, over the messages the workflow itself publishes there.</summary>
public class RoutedDocumentReaderTests
{
    private static readonly DropReference Original = TestDrops.Reference();

    private static readonly DropReference Withdrawal = TestDrops.Reference("port-drops/2704/withdrawal-doc-1.xml");

    private static readonly string Invoice = DropIds.DocumentId(Original.DropId, 1);

    [Fact]
    public async Task Read_TheCentersTopicAfterAWithdrawal_NamesEachMessagesContract()
    {
        var published = await RoutedThenWithdrawnAsync();

        var reads = published.Select(m => (m.Properties.MessageId, Read: RoutedDocumentReader.Read(m.Body))).ToList();

        Assert.All(reads, r => Assert.True(r.Read.IsReadable, r.Read.Description));
        var withdrawal = Assert.Single(reads, r => r.Read.Withdrawal is not null);
        Assert.Equal("withdrawal-" + Invoice, withdrawal.MessageId);
        Assert.Null(withdrawal.Read.Message);
        Assert.Equal((Invoice, Invoice, "CEE007", "Invoice sent for the wrong entry", Withdrawal.DropId),
            (withdrawal.Read.DocumentId, withdrawal.Read.Withdrawal!.DocumentId, withdrawal.Read.Withdrawal.Center, withdrawal.Read.Withdrawal.Reason, withdrawal.Read.Withdrawal.WithdrawalDropId));
        var documents = reads.Where(r => r.Read.Withdrawal is null).ToList();
        Assert.Equal(2, documents.Count);
        Assert.All(documents, r => Assert.Equal((r.MessageId, "CEE007"), (r.Read.Message!.DocumentId, r.Read.Message.Center)));
        Assert.Contains(documents, r => r.Read.DocumentId == Invoice);
    }

    [Theory]
    [InlineData(WithdrawalMessage.SchemaName, "2")]
    [InlineData(WithdrawalMessage.SchemaName, "0")]
    [InlineData(WithdrawalMessage.SchemaName, "\"1\"")]
    [InlineData(RoutedDocumentMessage.SchemaName, "2")]
    [InlineData(RoutedDocumentMessage.SchemaName, "\"1\"")]
    public async Task Read_AnotherVersionOfEitherContract_IsUnsupportedSchemaVersionNamingTheContract(string schema, string version)
    {
        var body = (await RoutedThenWithdrawnAsync()).First(m => m.Body.Contains($"\"schema\":\"{schema}\"", StringComparison.Ordinal)).Body
            .Replace("\"schemaVersion\":1", $"\"schemaVersion\":{version}", StringComparison.Ordinal);

        var read = RoutedDocumentReader.Read(body);

        Assert.False(read.IsReadable);
        Assert.Equal(RoutedDocumentRead.UnsupportedSchemaVersion, read.Reason);
        Assert.Contains($"{schema} schemaVersion is {version}", read.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"schema\":\"cee.document-withdrawal\",\"schemaVersion\":1,\"center\":\"CEE007\",\"reason\":\"Invoice sent for the wrong entry\"}")]
    [InlineData("{\"schema\":\"cee.document-withdrawal\",\"schemaVersion\":1,\"documentId\":\"d4c2e8a1f0b7d3c9e6a5f1b2c8d0e4a7f-001\",\"center\":\"CEE007\"}")]
    [InlineData("{\"schema\":\"cee.document-withdrawal\",\"schemaVersion\":1,\"documentId\":42}")]
    public void Read_WithdrawalWithoutItsFields_IsMalformed(string body)
    {
        var read = RoutedDocumentReader.Read(body);

        Assert.Equal((false, RoutedDocumentRead.MalformedBody), (read.IsReadable, read.Reason));
        Assert.Null(read.DocumentId);
    }

    [Fact]
    public void Read_AReviewRequest_IsUnsupportedAndNamesBothContractsTheInboxReads()
    {
        var read = RoutedDocumentReader.Read("{\"schema\":\"cee.review-request\",\"schemaVersion\":1,\"reviewId\":\"d4c2e8a1f0b7d3c9e6a5f1b2c8d0e4a7f\"}");

        Assert.Equal(RoutedDocumentRead.UnsupportedSchema, read.Reason);
        Assert.Contains(RoutedDocumentMessage.SchemaName, read.Description, StringComparison.Ordinal);
        Assert.Contains(WithdrawalMessage.SchemaName, read.Description, StringComparison.Ordinal);
    }

    private static async Task<List<TopicMessage>> RoutedThenWithdrawnAsync()
    {
        var harness = new WorkflowHarness().WithDrop(TestDrops.Package(Original)).WithAccount(TestDrops.Electronics, AccountStatus.Assigned, "CEE007");
        await harness.RunAsync(Original);
        await harness.WithDrop(TestDrops.Withdrawal(Withdrawal)).RunAsync(Withdrawal);
        Assert.Equal(LedgerState.Withdrawn, harness.Ledger.Records[Invoice].State);
        return harness.PublishedOn("cee007");
    }
}
