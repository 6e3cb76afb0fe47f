using Cee.Functions.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// The isolated worker: ASP.NET Core integration for the HTTP API, every registration in AddCeeFunctions.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddCeeFunctions(builder.Configuration);
builder.Build().Run();
