using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Cee.Routing.Inbox;

namespace Cee.Functions.Tests.Deployment;

/// <summary>
/// The Center inboxes in the compiled infrastructure: one managed identity per Center listed in
/// <c>centerInboxes</c>, each receiving from the subscriptions of its own Center's topic only (the
/// scope is a subscription, never a topic or the namespace), and the transfer bound as an app setting.
/// </summary>
[Collection(CompiledBicepGroup.Name)]
public sealed class CenterInboxAccessTests(CompiledBicep bicep)
{
    [Fact]
    public void CenterInboxes_Parameter_DefaultsToNoneAndEachGetsItsOwnIdentity()
    {
        Assert.Equal(0, bicep.Parameter("centerInboxes").GetProperty("defaultValue").GetArrayLength());
        var identities = bicep.Template.GetProperty("resources").GetProperty("inboxIdentities");
        Assert.Equal("[length(parameters('centerInboxes'))]", identities.GetProperty("copy").GetProperty("count").GetString());
        Assert.Contains("id-inbox-", identities.GetProperty("properties").GetProperty("parameters").GetProperty("name").GetProperty("value").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CenterInboxReceivers_AreScopedToTheSubscriptionsOfTheirOwnCentersTopic()
    {
        var access = bicep.Module("access");
        var resources = CompiledBicep.Resources(access).ToDictionary(r => r.Symbol, r => r.Resource);
        var receivers = resources["centerInboxReceivers"];
        var subscriptions = resources["inboxSubscriptions"];

        Assert.Equal("Microsoft.ServiceBus/namespaces/topics/subscriptions", subscriptions.GetProperty("type").GetString());
        Assert.True(subscriptions.GetProperty("existing").GetBoolean());
        var scope = receivers.GetProperty("scope").GetString()!;
        Assert.StartsWith("[resourceId('Microsoft.ServiceBus/namespaces/topics/subscriptions'", scope, StringComparison.Ordinal);
        Assert.Contains("parameters('centerInboxes')", scope, StringComparison.Ordinal);
        Assert.Contains(".topicIndex", scope, StringComparison.Ordinal);
        Assert.Contains("parameters('centerSubscriptionNames')", scope, StringComparison.Ordinal);
        Assert.Equal("[variables('roles').serviceBusDataReceiver]", receivers.GetProperty("properties").GetProperty("roleDefinitionId").GetString());
        Assert.Contains("4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0", access.GetProperty("variables").GetProperty("roles").GetProperty("serviceBusDataReceiver").GetString(), StringComparison.Ordinal);
        // The inbox identity is granted nothing else in the deployment.
        Assert.Single(resources.Values, r => r.ToString().Contains("parameters('centerInboxes')", StringComparison.Ordinal) && r.GetProperty("type").GetString() == "Microsoft.Authorization/roleAssignments");
    }

    [Fact]
    public void Access_CenterInboxes_ComeFromTheTopologyThroughTheServiceBusModule()
    {
        // A for-expression: ARM writes it as a copy loop, not a value.
        var argument = bicep.Template.GetProperty("resources").GetProperty("access").GetProperty("properties").GetProperty("parameters").GetProperty("centerInboxes").ToString();

        Assert.Contains("reference('serviceBus').outputs.centerIds.value", argument, StringComparison.Ordinal);
        Assert.Contains("inboxIdentities", argument, StringComparison.Ordinal);
        Assert.Contains("centerSubscriptionNames", bicep.ModuleArgument("access", "centerSubscriptionNames"), StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionApp_MaxTransfers_IsAnAppSettingWithTheAppsOwnBounds()
    {
        var parameter = bicep.Parameter("maxTransfers");

        var range = typeof(TransferOptions).GetProperty(nameof(TransferOptions.MaxTransfers))!.GetCustomAttribute<RangeAttribute>()!;
        Assert.Equal(
            (Convert.ToInt32(range.Minimum, CultureInfo.InvariantCulture), Convert.ToInt32(range.Maximum, CultureInfo.InvariantCulture), new TransferOptions().MaxTransfers),
            (parameter.GetProperty("minValue").GetInt32(), parameter.GetProperty("maxValue").GetInt32(), parameter.GetProperty("defaultValue").GetInt32()));
        var settings = bicep.Module("functionApp").ToString();
        Assert.Contains("Transfers__MaxTransfers", settings, StringComparison.Ordinal);
        var output = bicep.Template.GetProperty("outputs").GetProperty("CENTER_INBOX_IDENTITIES");
        Assert.Equal("array", output.GetProperty("type").GetString());
        Assert.Equal(["center", "clientId", "principalId"], output.GetProperty("copy").GetProperty("input").EnumerateObject().Select(p => p.Name));
    }
}
