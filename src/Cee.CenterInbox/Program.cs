using Cee.CenterInbox.Hosting;
using Microsoft.Extensions.Hosting;

// The inbox a Center runs (docs/center-inbox.md): settings from appsettings.json, environment
// variables (Inbox__Center=CEE007 …) and the command line; refuses to start on a bad setting.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddCenterInbox(builder.Configuration);
await builder.Build().RunAsync();
