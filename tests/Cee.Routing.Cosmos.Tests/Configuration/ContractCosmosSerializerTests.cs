using System.Reflection;
using System.Text;
using Cee.Routing.Accounts;
using Cee.Routing.Cosmos.Tests.Support;
using Cee.Routing.Ledger;
using Cee.Routing.Messages;

namespace Cee.Routing.Cosmos.Tests.Configuration;

public class ContractCosmosSerializerTests
{
    [Fact]
    public void ToStream_LedgerRecord_WritesExactlyTheContractJson()
    {
        var record = LedgerRecord.Create(LedgerSamples.Received(LedgerSamples.Subject("d0a1b2c3d4e5f60718293a4b5c6d7e8f9"))).Record;

        using var stream = ContractCosmosSerializer.Default.ToStream(record);
        using var reader = new StreamReader(stream, Encoding.UTF8);

        Assert.Equal(ContractJson.Serialize(record), reader.ReadToEnd());
    }

    [Fact]
    public void FromStream_ContractJson_ReadsTheRecordBack()
    {
        var account = new ImporterAccount("12345678900", "12-345678900", AccountStatus.Assigned, "CEE007", ["C-TPAT"]);
        var json = ContractJson.Serialize(account);

        var read = ContractCosmosSerializer.Default.FromStream<ImporterAccount>(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(json, ContractJson.Serialize(read));
        Assert.Contains("\"status\":\"assigned\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void FromStream_AskedForAStream_HandsItBackUnread()
    {
        var stream = new MemoryStream([1, 2, 3]);

        Assert.Same(stream, ContractCosmosSerializer.Default.FromStream<Stream>(stream));
        Assert.True(stream.CanRead);
    }

    [Fact]
    public void SerializeMemberName_PropertyWithJsonPropertyName_UsesThatName()
    {
        var property = typeof(LedgerSubject).GetProperty(nameof(LedgerSubject.DropSha256))!;

        Assert.Equal("dropSha256", ContractCosmosSerializer.Default.SerializeMemberName(property));
    }

    [Fact]
    public void SerializeMemberName_PropertyWithoutJsonPropertyName_FollowsTheNamingPolicy()
    {
        var property = typeof(LedgerRecord).GetProperty(nameof(LedgerRecord.Reasons), BindingFlags.Public | BindingFlags.Instance)!;

        Assert.Equal("reasons", ContractCosmosSerializer.Default.SerializeMemberName(property));
    }
}
