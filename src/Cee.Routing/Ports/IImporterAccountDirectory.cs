using Cee.Routing.Accounts;
using Cee.Routing.Intake;

namespace Cee.Routing.Ports;

/// <summary>Importer-of-record accounts and their Center assignment.</summary>
public interface IImporterAccountDirectory
{
    /// <summary>The importer's account; <see cref="AccountStatus.Unknown"/> when the directory has none.</summary>
    Task<ImporterAccount> FindAsync(ImporterRef importer, CancellationToken cancellationToken);
}
