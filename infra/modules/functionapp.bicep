// The Function App on Flex Consumption (Linux, .NET 10 isolated worker) with its user-assigned
// identity, its app settings (exactly the contract of docs/configuration.md, every Azure
// connection identity-based, no key or connection string anywhere) and App Service
// authentication in front of the HTTP API (Microsoft Entra ID, bearer tokens).

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
param reconcilerSchedule string
param maxTransfers int
param authClientId string
param authTenantId string

// The blob extension's webhook: Event Grid delivers BlobCreated here with the blobs_extension
// system key and cannot sign in, so sign-in must not stand in front of it (the key still does).
var eventGridWebhookPath = '/runtime/webhooks/blobs'

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
    Transfers__MaxTransfers: string(maxTransfers)

    // The reconciler's timer (docs/adr/0015); its other settings (Reconciler__*) keep their defaults.
    ReconcilerSchedule: reconcilerSchedule

    Importers__KeySecret: '@Microsoft.KeyVault(SecretUri=${importerKeySecretUri})'

    // Sign-in: the app refuses a principal of any other tenant; the platform checks the same (tid).
    Authentication__TenantId: authTenantId
    WEBSITE_AUTH_AAD_ALLOWED_TENANTS: authTenantId
  }
}

// App Service authentication ("Easy Auth"): every request but the Event Grid webhook needs a
// Microsoft Entra token for the app registration; without one the platform answers 401 before the
// app runs. The platform then writes the caller into X-MS-CLIENT-PRINCIPAL, and the app (which
// trusts that header only while WEBSITE_AUTH_ENABLED is True) checks the tenant and the app role
// each endpoint needs. No client secret and no token store: API clients send bearer tokens, and the
// reviewers' browsers (the triage console, ADR 0014) sign in at /.auth/login/aad with the implicit
// ID-token flow, which needs neither; the platform's session cookie then carries them.
resource auth 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'Return401'
      excludedPaths: [
        eventGridWebhookPath
      ]
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: authClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${authTenantId}/v2.0'
        }
        validation: {
          // v2 access tokens carry the client id as aud; api://<client id> is the app id URI.
          allowedAudiences: [
            authClientId
            'api://${authClientId}'
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
