using Azure.Core.Serialization;
using Microsoft.DurableTask;

namespace Cee.Functions.Harness.Engine;

/// <summary>
/// The Durable payload converter of the isolated worker: the Durable extension for Functions wraps
/// <c>WorkerOptions.Serializer</c> (which <c>AddCeeFunctions</c> sets to the contracts' System.Text.Json
/// options) in a <see cref="DataConverter"/> and gives it to the worker and the client alike, so that
/// orchestration inputs, activity inputs and outputs, and events are written the way the app's
/// serializer writes them. The harness does the same with the serializer resolved from the app's DI.
/// </summary>
public sealed class WorkerSerializerConverter(ObjectSerializer serializer) : DataConverter
{
    public ObjectSerializer Serializer { get; } = serializer ?? throw new ArgumentNullException(nameof(serializer));

    public override string? Serialize(object? value) =>
        value is null ? null : Serializer.Serialize(value, value.GetType(), default).ToString();

    public override object? Deserialize(string? data, Type targetType)
    {
        ArgumentNullException.ThrowIfNull(targetType);
        if (data is null)
        {
            return null;
        }

        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(data), writable: false);
        return Serializer.Deserialize(stream, targetType, default);
    }
}
