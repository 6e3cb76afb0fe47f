using Cee.Routing.Accounts;
using Cee.Routing.Identifiers;
using Cee.Routing.Intake;
using Cee.Routing.Ports;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cee.Routing.Cosmos;

/// <summary>Importer accounts in Cosmos DB, one item per lookup key (id and partition key): every lookup is a point read.</summary>
public sealed class CosmosImporterAccountDirectory : IImporterAccountDirectory
{
    private readonly CosmosItemStore<ImporterAccountItem> _store;

    public CosmosImporterAccountDirectory(CosmosClient client, IOptions<CosmosRoutingOptions> options, TimeProvider timeProvider, ILogger<CosmosImporterAccountDirectory> logger)
        : this(CosmosRoutingLedger.ContainerOf(client, options, o => o.AccountsContainer), options.Value, timeProvider, logger)
    {
    }

    internal CosmosImporterAccountDirectory(Container container, CosmosRoutingOptions options, TimeProvider timeProvider, ILogger<CosmosImporterAccountDirectory> logger)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(options);
        _store = new CosmosItemStore<ImporterAccountItem>(
            container, options.AccountsContainer, new CosmosRetry(options, timeProvider, logger), ImporterAccountItem.Validate, logger);
    }

    /// <summary>The account stored under the importer's lookup key, or an Unknown account when there is none.</summary>
    public async Task<ImporterAccount> FindAsync(ImporterRef importer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(importer);
        if (string.IsNullOrEmpty(importer.LookupKey))
        {
            return ImporterAccount.Unknown(importer.LookupKey, importer.Masked);
        }

        var stored = await _store.ReadAsync(importer.LookupKey, cancellationToken);
        return stored?.Item.ToAccount() ?? ImporterAccount.Unknown(importer.LookupKey, importer.Masked);
    }

    /// <summary>Creates or replaces the account (seeding: idempotent).</summary>
    /// <exception cref="ArgumentException">The account would store something SSN-like (its number unmasked).</exception>
    public Task<WriteOutcome> UpsertAsync(ImporterAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(account.LookupKey);
        var item = ImporterAccountItem.From(account);

        // Last line of defence: an account built by hand with an unmasked SSN is refused, never stored.
        if (SsnRedaction.ContainsSsnLike(account.Importer) || !IsLookupKey(account.LookupKey))
        {
            throw new ArgumentException(
                "The account must hold a lookup key (11 characters, or ssn- and 40 hex digits) and the masked importer number, never an SSN.", nameof(account));
        }

        return _store.UpsertAsync(item, item.Id, cancellationToken);
    }

    /// <summary>The shapes <see cref="ImporterLookupKeys.For"/> produces: 11 upper-case letters or digits, or <c>ssn-</c> and 40 lower-case hex digits.</summary>
    private static bool IsLookupKey(string key) =>
        (key.Length == 11 && key.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c))) ||
        (key.Length == 44 && key.StartsWith("ssn-", StringComparison.Ordinal) && key[4..].All(char.IsAsciiHexDigitLower));
}
