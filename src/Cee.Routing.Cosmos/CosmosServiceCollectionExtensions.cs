using Cee.Routing.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cee.Routing.Cosmos;

/// <summary>Registers the Cosmos DB adapter for a host (the Functions app, the <c>cee</c> command).</summary>
public static class CosmosServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="CosmosRoutingOptions"/> from the <c>Cosmos</c> section of
    /// <paramref name="configuration"/> (at start-up), and registers one <c>CosmosClient</c> and the
    /// adapters as singletons: <see cref="IRoutingLedger"/> and <see cref="ILedgerQueries"/>
    /// (<see cref="CosmosRoutingLedger"/>), <see cref="IImporterAccountDirectory"/>
    /// (<see cref="CosmosImporterAccountDirectory"/>), <see cref="ICbpRequestDirectory"/>
    /// (<see cref="CosmosCbpRequestDirectory"/>), <see cref="CosmosDirectorySeeder"/> and
    /// <see cref="CosmosResources"/>. Needs logging registered (<c>AddLogging</c>).
    /// </summary>
    public static IServiceCollection AddCeeCosmos(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CosmosRoutingOptions>()
            .Bind(configuration.GetSection(CosmosRoutingOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CosmosRoutingOptions>, CosmosRoutingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => CosmosClientFactory.Create(sp.GetRequiredService<IOptions<CosmosRoutingOptions>>().Value));

        services.TryAddSingleton<CosmosRoutingLedger>();
        services.TryAddSingleton<IRoutingLedger>(sp => sp.GetRequiredService<CosmosRoutingLedger>());
        services.TryAddSingleton<ILedgerQueries>(sp => sp.GetRequiredService<CosmosRoutingLedger>());
        services.TryAddSingleton<CosmosImporterAccountDirectory>();
        services.TryAddSingleton<IImporterAccountDirectory>(sp => sp.GetRequiredService<CosmosImporterAccountDirectory>());
        services.TryAddSingleton<CosmosCbpRequestDirectory>();
        services.TryAddSingleton<ICbpRequestDirectory>(sp => sp.GetRequiredService<CosmosCbpRequestDirectory>());
        services.TryAddSingleton<CosmosDirectorySeeder>();
        services.TryAddSingleton<CosmosResources>();
        return services;
    }
}
