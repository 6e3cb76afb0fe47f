using System.Text.Json.Serialization;

namespace Cee.Routing.Accounts;

/// <summary>What ACE says about an importer's Center assignment.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AccountStatus>))]
public enum AccountStatus
{
    /// <summary>Assigned to one Center: all of the importer's post-release work goes there.</summary>
    [JsonStringEnumMemberName("assigned")]
    Assigned,

    /// <summary><c>NOTELG</c>: not Center eligible; documents route by HTSUS and are flagged.</summary>
    [JsonStringEnumMemberName("not-eligible")]
    NotEligible,

    /// <summary><c>PNDING</c>: assignment pending; documents route by HTSUS and are flagged.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    /// <summary>No account is known for the importer.</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown,
}
