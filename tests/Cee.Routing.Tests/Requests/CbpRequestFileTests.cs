using Cee.Routing.Directories;
using Cee.Routing.Requests;

namespace Cee.Routing.Tests.Requests;

public class CbpRequestFileTests
{
    [Fact]
    public void Parse_JsonRequests_NormalizesIdsAndCenters()
    {
        var result = CbpRequestFile.Parse("""
            [
              { "requestId": "CF28-2026-004417", "center": "CEE003" },
              { "requestId": " cf29-2026-000981 ", "center": "cee007" }
            ]
            """, DirectoryFileFormat.Json);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal([new CbpRequest("CF28-2026-004417", "CEE003"), new CbpRequest("CF29-2026-000981", "CEE007")], result.Items);
    }

    [Fact]
    public void Parse_CsvRequests_ReadsEachLine()
    {
        var result = CbpRequestFile.Parse("requestId,center\nCF28-2026-004417,CEE003\n", DirectoryFileFormat.Csv);

        Assert.Equal(new CbpRequest("CF28-2026-004417", "CEE003"), Assert.Single(result.Items));
    }

    [Fact]
    public void Parse_BadRows_GivesARowNumberedErrorForEach()
    {
        var result = CbpRequestFile.Parse("""
            requestId,center
            CF28-2026-004417,NOTELG
            CF28/2026/004418,CEE003
            CF28-2026-004419,
            cf28-2026-004420,CEE001
            CF28-2026-004420,CEE002
            """, DirectoryFileFormat.Csv);

        Assert.Equal(["CF28-2026-004420"], result.Items.Select(r => r.RequestId));
        Assert.Collection(
            result.Errors,
            e => Assert.Equal("row 1 (line 2), center: 'NOTELG' is an importer-account state; a request is issued by a Center (CEE001 to CEE010).", e.ToString()),
            e => Assert.Equal("row 2 (line 3), requestId: a request id holds only letters, digits, '-', '_' and '.'.", e.ToString()),
            e => Assert.Equal((3, "center"), (e.Row, e.Field)),
            e => Assert.Equal("row 5 (line 6), requestId: request CF28-2026-004420 is already on row 4.", e.ToString()));
    }

    [Theory]
    [InlineData("CF28-2026-004417", true, "CF28-2026-004417")]
    [InlineData("  cf28-2026-004417\t", true, "CF28-2026-004417")]
    [InlineData("ACE.ACTION_20261122", true, "ACE.ACTION_20261122")]
    [InlineData("CF28 2026 004417", false, null)]
    [InlineData("", false, null)]
    [InlineData(null, false, null)]
    public void TryNormalize_Ids_UpperCaseOrRefused(string? value, bool valid, string? normalized)
    {
        Assert.Equal(valid, CbpRequestIds.TryNormalize(value, out var result, out var error));
        Assert.Equal(normalized, result);
        Assert.Equal(valid, error is null);
    }

    [Fact]
    public void TryNormalize_TooLong_IsRefused()
    {
        Assert.False(CbpRequestIds.TryNormalize(new string('7', CbpRequestIds.MaxLength + 1), out _, out var error));
        Assert.Contains("at most 64", error, StringComparison.Ordinal);
    }
}
