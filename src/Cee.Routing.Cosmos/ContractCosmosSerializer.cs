using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cee.Routing.Messages;
using Microsoft.Azure.Cosmos;

namespace Cee.Routing.Cosmos;

/// <summary>
/// The Cosmos SDK's serializer over System.Text.Json with <see cref="ContractJson.Options"/>, so an
/// item stored in Cosmos DB is byte for byte the contract's JSON (explicit property names, enums by
/// their wire names, nulls written), query parameters are written the same way, and LINQ member
/// names follow <see cref="JsonPropertyNameAttribute"/>.
/// </summary>
public sealed class ContractCosmosSerializer : CosmosLinqSerializer
{
    private readonly JsonSerializerOptions _options;

    public ContractCosmosSerializer(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>The serializer over <see cref="ContractJson.Options"/>.</summary>
    public static ContractCosmosSerializer Default { get; } = new(ContractJson.Options);

    /// <summary>The options items are written and read with.</summary>
    public JsonSerializerOptions Options => _options;

    public override T FromStream<T>(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (typeof(Stream).IsAssignableFrom(typeof(T)))
        {
            return (T)(object)stream;
        }

        using (stream)
        {
            if (stream.CanSeek && stream.Length == 0)
            {
                return default!;
            }

            return JsonSerializer.Deserialize<T>(stream, _options)!;
        }
    }

    public override Stream ToStream<T>(T input)
    {
        var stream = new MemoryStream();
        JsonSerializer.Serialize(stream, input, input?.GetType() ?? typeof(T), _options);
        stream.Position = 0;
        return stream;
    }

    public override string SerializeMemberName(MemberInfo memberInfo)
    {
        ArgumentNullException.ThrowIfNull(memberInfo);
        var explicitName = memberInfo.GetCustomAttribute<JsonPropertyNameAttribute>(inherit: true)?.Name;
        return explicitName ?? _options.PropertyNamingPolicy?.ConvertName(memberInfo.Name) ?? memberInfo.Name;
    }
}
