using System.Security.Cryptography;
using Cee.Routing.Accounts;
using Cee.Routing.Directories;
using Cee.Routing.Identifiers;

namespace Cee.Routing.Tests.Accounts;

public class ImporterAccountFileTests
{
    private static readonly ImporterLookupKeys Keys = new(SHA256.HashData("cee importer account file tests"u8));

    private static DirectoryFileResult<ImporterAccount> Json(string json) => ImporterAccountFile.Parse(json, DirectoryFileFormat.Json, Keys);

    private static DirectoryFileResult<ImporterAccount> Csv(string csv) => ImporterAccountFile.Parse(csv, DirectoryFileFormat.Csv, Keys);

    [Fact]
    public void Parse_JsonOfEveryKind_ReadsKeysMaskedNumbersAndAssignments()
    {
        var result = Json("""
            [
              { "importerNumber": "12-345678900", "center": "CEE007", "trustedTrader": ["C-TPAT", "ISA"] },
              { "importerNumber": "078-05-1120", "center": "cee008" },
              { "importerNumber": "261224-01234", "center": "NOTELG", "trustedTrader": null },
              { "importerNumber": "98-765432100", "center": "PNDING", "trustedTrader": [] }
            ]
            """);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Collection(
            result.Items,
            a =>
            {
                Assert.Equal(("12345678900", "12-345678900", AccountStatus.Assigned, "CEE007"), (a.LookupKey, a.Importer, a.Status, a.Center));
                Assert.Equal(["C-TPAT", "ISA"], a.TrustedTrader);
            },
            a =>
            {
                Assert.Equal(Keys.For(ImporterNumber.Parse("078051120")), a.LookupKey);
                Assert.StartsWith("ssn-", a.LookupKey, StringComparison.Ordinal);
                Assert.Equal(("***-**-1120", "CEE008"), (a.Importer, a.Center));
                Assert.Empty(a.TrustedTrader);
            },
            a => Assert.Equal(("26122401234", AccountStatus.NotEligible, (string?)null), (a.LookupKey, a.Status, a.Center)),
            a => Assert.Equal(AccountStatus.Pending, a.Status));
    }

    [Fact]
    public void Parse_CsvWithQuotesAndProgrammeList_ReadsLikeJson()
    {
        var result = Csv("""
            importerNumber,center,trustedTrader
            12-345678900,CEE007,C-TPAT;ISA
            "98-765432100", CEE005 ,"CTPAT Trade Compliance; C-TPAT"

            078051120,CEE008
            """);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(["C-TPAT", "ISA"], result.Items[0].TrustedTrader);
        Assert.Equal(("98-765432100", "CEE005"), (result.Items[1].Importer, result.Items[1].Center));
        Assert.Equal(["CTPAT Trade Compliance", "C-TPAT"], result.Items[1].TrustedTrader);
        Assert.Equal("***-**-1120", result.Items[2].Importer);
    }

    [Fact]
    public void Parse_CsvHeaderInAnyCaseWithoutTheOptionalColumn_IsAccepted()
    {
        var result = Csv("Center,ImporterNumber\r\nCEE007,12-345678900\r\n");

        Assert.Equal("CEE007", Assert.Single(result.Items).Center);
    }

    [Fact]
    public void Parse_BadRows_GivesARowNumberedErrorForEachAndKeepsTheGoodOnes()
    {
        var result = Csv("""
            importerNumber,center,trustedTrader
            12-345678900,CEE007,C-TPAT
            078-05-112,CEE008,
            98-765432100,CEE011,
            ,CEE001,
            45-678912300,CEE003,ISA,extra
            """);

        Assert.Equal("12-345678900", Assert.Single(result.Items).Importer);
        Assert.Collection(
            result.Errors,
            e => Assert.Equal("row 2 (line 3), importerNumber: not an importer number: an importer number is an EIN with suffix (NN-NNNNNNNXX), an SSN (NNN-NN-NNNN) or a CBP-assigned number (YYDDPP-NNNNN): 11 or 9 characters without the dashes.", e.ToString()),
            e => Assert.Equal("row 3 (line 4), center: 'CEE011' is neither a Center ID (CEE001 to CEE010) nor NOTELG or PNDING.", e.ToString()),
            e => Assert.Equal((4, "importerNumber"), (e.Row, e.Field)),
            e => Assert.Contains("has 4 fields; the header has 3", e.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MalformedSsn_NeverRepeatsItsDigits()
    {
        var result = Json("""[ { "importerNumber": "666-05-1120", "center": "CEE008" }, { "importerNumber": "078-05-1120", "center": "078-05-1120" } ]""");

        Assert.Equal(2, result.Errors.Count);
        Assert.Contains("666", result.Errors[0].Message, StringComparison.Ordinal); // the rule, not the number: "area number 666"
        Assert.All(result.Errors, e => Assert.DoesNotContain("05-1120", e.ToString(), StringComparison.Ordinal));
        Assert.Contains("'***-**-1120' is neither a Center ID", result.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SameImporterTwice_NamesTheFirstRow()
    {
        // An EIN and a CBP-assigned number with the same 11 characters share a lookup key.
        var result = Json("""
            [
              { "importerNumber": "12-345678900", "center": "CEE007" },
              { "importerNumber": "123456-78900", "center": "CEE005" }
            ]
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Row);
        Assert.Contains("is already on row 1", error.Message, StringComparison.Ordinal);
        Assert.Equal("CEE007", Assert.Single(result.Items).Center);
    }

    [Theory]
    [InlineData("""[ { "importerNumber": 12345678900, "center": "CEE007" } ]""", "importerNumber", "must be a JSON string")]
    [InlineData("""[ { "importerNumber": "12-345678900", "centre": "CEE007" } ]""", null, "unknown property 'centre'")]
    [InlineData("""[ { "importerNumber": "12-345678900", "center": "CEE007", "trustedTrader": "C-TPAT" } ]""", "trustedTrader", "array of strings")]
    [InlineData("""[ "12-345678900" ]""", null, "found a JSON string")]
    [InlineData("""[ { "importerNumber": "12-345678900" } ]""", "center", "missing")]
    public void Parse_JsonEntryOfTheWrongShape_IsARowError(string json, string? field, string message)
    {
        var error = Assert.Single(Json(json).Errors);

        Assert.Equal((1, (int?)null, field), (error.Row, error.Line, error.Field));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"importerNumber\": \"12-345678900\" }", "expected a JSON array")]
    [InlineData("[ { \"importerNumber\": ", "not valid JSON")]
    public void Parse_JsonThatIsNotAnAccountsFile_Throws(string json, string message)
    {
        var ex = Assert.Throws<DirectoryFileException>(() => Json(json));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("importerNumber,trustedTrader\n12-345678900,C-TPAT\n", "lacks the required column(s) center")]
    [InlineData("importerNumber,centre\n", "unknown column 'centre'")]
    [InlineData("importerNumber,center,center\n", "names the column 'center' twice")]
    [InlineData("importerNumber,center\n\"12-345678900,CEE007\n", "line 2: a quoted value is not closed")]
    public void Parse_CsvThatIsNotAnAccountsFile_Throws(string csv, string message)
    {
        var ex = Assert.Throws<DirectoryFileException>(() => Csv(csv));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileByExtension_ReadsItsFormat()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cee-accounts-{Guid.NewGuid():N}.CSV");
        File.WriteAllText(path, "importerNumber,center\n12-345678900,CEE007\n");
        try
        {
            Assert.Equal("CEE007", Assert.Single(ImporterAccountFile.Load(path, Keys).Items).Center);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_UnknownExtensionOrMissingFile_Throws()
    {
        Assert.Contains("neither a .json nor a .csv", Assert.Throws<DirectoryFileException>(() => ImporterAccountFile.Load("accounts.xlsx", Keys)).Message, StringComparison.Ordinal);
        Assert.Contains("cannot be read", Assert.Throws<DirectoryFileException>(() => ImporterAccountFile.Load($"/nonexistent/{Guid.NewGuid():N}.json", Keys)).Message, StringComparison.Ordinal);
    }
}
