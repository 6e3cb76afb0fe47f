using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cee.Functions.Identity;
using Cee.Routing.Centers;

namespace Cee.Functions.Tests.Deployment;

/// <summary>
/// What <c>infra/entra/app-roles.json</c> must hold: the two CBP-wide roles with their fixed ids, then
/// one role per Center of topology.json, its id derived from the role's value (SHA-256, shaped as a
/// version-5 GUID) so that regenerating never changes an id and never orphans an assignment.
/// </summary>
internal static class AppRolesManifest
{
    public const string RewriteVariable = "CEE_REWRITE_APP_ROLES";

    public static string Generate(CenterCatalog catalog)
    {
        var roles = new List<Role>
        {
            new(["User", "Application"],
                "Read where documents are and why (GET api/documents, GET api/entries), list the Centers and dry-run the HTSUS rules (GET api/centers, POST api/classify).",
                "CEE reader", "0a26a97d-e8bc-4543-a08e-02ed5bf6189f", AppRoles.Reader),
            new(["User"],
                "Decide the Center of a drop awaiting review (POST api/reviews/{dropId}). The decision records the reviewer's Entra object id and name. People only: no application may decide.",
                "CEE reviewer", "2a7d246c-0771-4c6b-b12b-85d3283c15fc", AppRoles.Reviewer),
        };
        roles.AddRange(catalog.All.Select(center => new Role(
            ["User", "Application"],
            $"Act for {center.Id} {center.Name}: acknowledge receipt of its documents and transfer one that is another Center's (POST api/documents/{{documentId}}/receipt, POST api/documents/{{documentId}}/transfer). For its staff and its inbox's managed identity.",
            $"Center {center.Id} ({center.Name})",
            DerivedId(AppRoles.ForCenter(center.Id)),
            AppRoles.ForCenter(center.Id))));

        var text = new StringBuilder("[\n");
        for (var i = 0; i < roles.Count; i++)
        {
            var role = roles[i];
            text.Append("  {\n")
                .Append("    \"allowedMemberTypes\": [").Append(string.Join(", ", role.MemberTypes.Select(Quote))).Append("],\n")
                .Append("    \"description\": ").Append(Quote(role.Description)).Append(",\n")
                .Append("    \"displayName\": ").Append(Quote(role.DisplayName)).Append(",\n")
                .Append("    \"id\": ").Append(Quote(role.Id)).Append(",\n")
                .Append("    \"isEnabled\": true,\n")
                .Append("    \"value\": ").Append(Quote(role.Value)).Append('\n')
                .Append(i == roles.Count - 1 ? "  }\n" : "  },\n");
        }

        return text.Append("]\n").ToString();
    }

    /// <summary>A GUID from the role's value: the first 16 bytes of its SHA-256, with the version-5 and RFC 4122 variant bits.</summary>
    public static string DerivedId(string value)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("CeeFunctions app role " + value));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D");
    }

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Quote(string value) => JsonSerializer.Serialize(value, Readable);

    private sealed record Role(string[] MemberTypes, string Description, string DisplayName, string Id, string Value);
}
