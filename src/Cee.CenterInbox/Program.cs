using Cee.CenterInbox.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// The inbox a Center runs (docs/center-inbox.md): settings from appsettings.json, environment
// variables (Inbox__Center=CEE007 …) and the command line; refuses to start on a bad setting.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddCenterInbox(builder.Configuration);
try
{
    await builder.Build().RunAsync();
}
catch (OptionsValidationException ex)
{
    // One line per problem, no stack trace: a setting to fix before any message is taken.
    foreach (var failure in ex.Failures)
    {
        await Console.Error.WriteLineAsync($"cee-inbox: {failure}");
    }

    return 2;
}

return 0;
