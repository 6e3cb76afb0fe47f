// The Function App on Flex Consumption (Linux, .NET 10 isolated worker) with its user-assigned
// identity, and its app settings: exactly the contract of docs/configuration.md, every Azure
// connection identity-based, no key or connection string anywhere.

param name string
param planName string
param location string
param tags object
param identityId string
param identityClientId string
param hostStorageAccountName string
param deploymentContainerUrl string
param dataBlobEndpoint string
param dataQueueEndpoint string
param serviceBusFullyQualifiedNamespace string
param cosmosEndpoint string
param cosmosDatabaseName string
param applicationInsightsConnectionString string
param importerKeySecretUri string
param instanceMemoryMB int
param maximumInstanceCount int
param reviewTimeout string
param reviewFallback string
param maxEscalations int

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  // azd deploys the `functions` service of azure.yaml to the app carrying this tag.
  tags: union(tags, { 'azd-service-name': 'functions' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references (Importers__KeySecret) resolve with the user-assigned identity.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Flex Consumption takes the runtime from functionAppConfig: no FUNCTIONS_WORKER_RUNTIME or
// FUNCTIONS_EXTENSION_VERSION here.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: {
    // Host storage: Functions runtime and the Durable task hub.
    AzureWebJobsStorage__accountName: hostStorageAccountName
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId

    // Data storage: port-drops (blob trigger), documents, quarantine; the trigger's poison queue.
    PortDrops__blobServiceUri: dataBlobEndpoint
    PortDrops__queueServiceUri: dataQueueEndpoint
    PortDrops__credential: 'managedidentity'
    PortDrops__clientId: identityClientId

    ServiceBus__fullyQualifiedNamespace: serviceBusFullyQualifiedNamespace
    ServiceBus__credential: 'managedidentity'
    ServiceBus__clientId: identityClientId

    Cosmos__AccountEndpoint: cosmosEndpoint
    Cosmos__DatabaseName: cosmosDatabaseName
    Cosmos__ManagedIdentityClientId: identityClientId

    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identityClientId}'

    Routing__ReviewTimeout: reviewTimeout
    Routing__ReviewFallback: reviewFallback
    Routing__MaxEscalations: string(maxEscalations)

    Importers__KeySecret: '@Microsoft.KeyVault(SecretUri=${importerKeySecretUri})'
  }
}

output name string = app.name
