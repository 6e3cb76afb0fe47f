// CeeFunctions in one resource group: the Function App (Flex Consumption) and everything it talks to,
// identity-based everywhere. `azd up` deploys it; see docs/deployment.md.
//
// What comes from where:
//   - Centers, topic names, subscriptions and their filters: src/Cee.Routing/Centers/topology.json,
//     loaded by modules/servicebus.bicep (never typed here).
//   - App settings: docs/configuration.md (modules/functionapp.bicep sets exactly those).
//   - Who may do what: modules/access.bicep, the one file holding role assignments; who may call
//     the API: App Service authentication in modules/functionapp.bicep with the app roles of
//     infra/entra/app-roles.json (docs/adr/0009-entra-sign-in-and-app-roles.md).
targetScope = 'subscription'

import { cosmosContainer, portAccess } from 'modules/types.bicep'

@minLength(1)
@maxLength(64)
@description('azd environment name; a hash of it (with the subscription and location) names every resource.')
param environmentName string

@minLength(1)
@description('Region for every resource. It must offer Flex Consumption.')
@metadata({ azd: { type: 'location' } })
param location string

@secure()
@minLength(32)
@description('Random seed of the importer lookup-key secret. Key Vault secret importer-key-secret holds base64(seed): the app decodes it to >= 32 bytes of HMAC key. azd generates the seed once and keeps it in .azure/<env>/config.json; a new seed changes every SSN lookup key.')
@metadata({ azd: { type: 'generate', config: { length: 64, noSpecial: true } } })
param importerKeySeed string

@minLength(10)
@maxLength(10)
@description('Object id of the Entra group (or principal) of each Center, in ACE Center ID order, as topology.json lists them (ten entries). Each may receive from its own Center topic and no other. An empty string grants nothing.')
param centerReceiverPrincipalIds string[] = ['', '', '', '', '', '', '', '', '', '']

@description('ACE Center IDs of the Centers that run the inbox worker (src/Cee.CenterInbox), e.g. the seventh Center\'s id. Each gets a user-assigned managed identity that may receive from the subscriptions of its own Center\'s topic only; assign it that Center\'s app role (Cee.Center.<id>) on the API (docs/center-inbox.md). Empty creates none.')
param centerInboxes string[] = []

@description('Object id of the reviewers group: receives review requests and escalations from the triage topic. Empty grants nothing.')
param reviewerPrincipalId string = ''

@minLength(36)
@maxLength(36)
@description('Application (client) id of the API\'s Microsoft Entra app registration: App Service authentication signs callers in against it, and its app roles (infra/entra/app-roles.json) decide what they may do. infra/scripts/create-app-registration.sh creates it; docs/deployment.md ("Sign-in").')
param authClientId string

@minLength(36)
@maxLength(36)
@description('Tenant whose principals may call the API: App Service authentication\'s issuer, WEBSITE_AUTH_AAD_ALLOWED_TENANTS and Authentication__TenantId (the app refuses any other tid). A GUID, the length the app accepts (AuthenticationSettings.TenantIdLength; a drift test ties them). Default: the deployment\'s tenant.')
param authTenantId string = tenant().tenantId

@description('Data-plane access for the deploying user (deployerPrincipalId), so a first drop can be uploaded and `cee seed` run right after `azd up`: Storage Blob Data Contributor on port-drops, Cosmos DB Built-in Data Contributor on the database, Key Vault Secrets User on importer-key-secret. Set false in infra/main.parameters.json for production.')
param grantDeployerDataAccess bool = true

@description('Object id of the deploying user; azd passes AZURE_PRINCIPAL_ID. Empty grants nothing.')
param deployerPrincipalId string = ''

@description('Ports allowed to drop documents. Each principal may create blobs under port-drops/{code}/ and nowhere else (docs/adr/0005-port-write-isolation.md).')
param ports portAccess[] = []

@description('Cosmos DB database name (app setting Cosmos__DatabaseName).')
param cosmosDatabaseName string = 'cee'

@description('Cosmos DB containers: names, partition keys and indexing policies exactly as the adapter expects (src/Cee.Routing.Cosmos: CosmosRoutingOptions for the names, CosmosResources for the policies; tests/Cee.Routing.Cosmos.Tests/Configuration/InfrastructureDriftTests.cs fails if they differ). Every container is partitioned by /id: each lookup by key is a point read (docs/adr/0004-cosmos-data-model.md).')
param cosmosContainers cosmosContainer[] = [
  {
    name: 'ledger'
    partitionKey: '/id'
    // Only what the ledger's queries filter and order on is indexed: by content hash (duplicates),
    // by drop, by entry, by (port, DIS DocumentID) for a withdrawal, and a Center's queue by state and time.
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: [
        { path: '/subject/dropSha256/?' }
        { path: '/subject/dropId/?' }
        { path: '/subject/entries/[]/?' }
        { path: '/subject/port/?' }
        { path: '/subject/document/sourceDocumentId/?' }
        { path: '/state/?' }
        { path: '/center/?' }
        { path: '/updatedAt/?' }
      ]
      excludedPaths: [
        { path: '/*' }
      ]
      compositeIndexes: [
        [
          { path: '/center', order: 'ascending' }
          { path: '/state', order: 'ascending' }
          { path: '/updatedAt', order: 'ascending' }
        ]
      ]
    }
  }
  {
    name: 'importer-accounts'
    partitionKey: '/id'
    // Point reads only.
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: []
      excludedPaths: [
        { path: '/*' }
      ]
    }
  }
  {
    name: 'cbp-requests'
    partitionKey: '/id'
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: []
      excludedPaths: [
        { path: '/*' }
      ]
    }
  }
  {
    // One item per drop content (id = its SHA-256), created once: the first drop to claim it routes it.
    name: 'content-claims'
    partitionKey: '/id'
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: []
      excludedPaths: [
        { path: '/*' }
      ]
    }
  }
]

@description('Duplicate detection window of every topic (ISO 8601, at most P7D). MessageId is the document id, so a document re-published within the window is dropped. One day covers Event Grid\'s 24-hour redelivery horizon and a day of Durable retries; see docs/deployment.md.')
param duplicateDetectionWindow string = 'P1D'

@description('Default time to live of messages on topics and subscriptions (ISO 8601). Expired messages are dead-lettered, never dropped.')
param messageTimeToLive string = 'P14D'

@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
@description('Redundancy of the data storage account (port-drops, documents, quarantine, port-responses). ZRS by default; pick LRS where the region has no zones.')
param dataStorageSku string = 'Standard_ZRS'

@allowed([512, 2048, 4096])
@description('Flex Consumption instance memory.')
param instanceMemoryMB int = 2048

@minValue(40)
@maxValue(1000)
@description('Flex Consumption scale-out limit.')
param maximumInstanceCount int = 100

@description('Key Vault purge protection. On by default: losing the importer key secret orphans every SSN lookup key. Once on it cannot be turned off, and a purged name stays reserved for the retention period.')
param keyVaultPurgeProtection bool = true

@description('Routing__ReviewTimeout: how long a person has to decide before the fallback (d.hh:mm:ss).')
param reviewTimeout string = '2.00:00:00'

@allowed(['escalate', 'best-hts-guess'])
@description('Routing__ReviewFallback.')
param reviewFallback string = 'escalate'

@minValue(1)
@maxValue(20)
@description('Transfers__MaxTransfers: how many times one document may be transferred between Centers before the next transfer sends it to a person (the app\'s own bounds, TransferOptions.MaxTransfers [Range(1, 20)]).')
param maxTransfers int = 3

@minValue(1)
@maxValue(20)
@description('Routing__MaxEscalations: how many times an undecided review is escalated, once per reviewTimeout (the app\'s own bounds, RoutingWorkflowOptions.MaxEscalations [Range(1, 20)]; a drift test ties them).')
param maxEscalations int = 3

@description('Who the alert rules tell (poison queue, Event Grid dead letters, Failed runs): e-mail receivers, each { name, emailAddress }.')
param alertEmailReceivers array = []

@description('ReconcilerSchedule: when the reconciler runs (NCRONTAB, every 5 minutes by default; docs/adr/0015).')
param reconcilerSchedule string = '0 */5 * * * *'

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var intakeFunctionName = 'IntakeFromPortDrop'
var portDropsContainer = 'port-drops'
var portResponsesContainer = 'port-responses'
var dataContainers = [portDropsContainer, 'documents', 'quarantine', portResponsesContainer]
var deploymentContainer = 'deployment-package'
var deadLetterContainer = 'eventgrid-deadletter'
var blobTriggerPoisonQueue = 'webjobs-blobtrigger-poison'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-cee-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-cee-${resourceToken}'
    applicationInsightsName: 'appi-cee-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    hostAccountName: 'sthost${resourceToken}'
    dataAccountName: 'stdata${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainer
    dataContainerNames: dataContainers
    deadLetterContainerName: deadLetterContainer
    poisonQueueName: blobTriggerPoisonQueue
    dataSkuName: dataStorageSku
  }
}

module eventGrid 'modules/eventgrid.bicep' = {
  name: 'eventgrid'
  scope: rg
  params: {
    name: 'evgt-drops-${resourceToken}'
    location: location
    tags: tags
    storageAccountId: storage.outputs.dataAccountId
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  name: 'servicebus'
  scope: rg
  params: {
    name: 'sb-cee-${resourceToken}'
    location: location
    tags: tags
    duplicateDetectionWindow: duplicateDetectionWindow
    messageTimeToLive: messageTimeToLive
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  scope: rg
  params: {
    name: 'cosmos-cee-${resourceToken}'
    location: location
    tags: tags
    databaseName: cosmosDatabaseName
    containers: cosmosContainers
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: 'kv-cee-${resourceToken}'
    location: location
    tags: tags
    purgeProtection: keyVaultPurgeProtection
    importerKeySecretValue: base64(importerKeySeed)
  }
}

// One identity per Center inbox: the worker signs in to Service Bus and to the API with it.
module inboxIdentities 'modules/identity.bicep' = [
  for center in centerInboxes: {
    name: 'inbox-identity-${toLower(center)}'
    scope: rg
    params: {
      name: 'id-inbox-${toLower(center)}-${resourceToken}'
      location: location
      tags: tags
    }
  }
]

module access 'modules/access.bicep' = {
  name: 'access'
  scope: rg
  params: {
    appPrincipalId: identity.outputs.principalId
    hostStorageAccountName: storage.outputs.hostAccountName
    dataStorageAccountName: storage.outputs.dataAccountName
    appDataContainerNames: dataContainers
    portDropsContainerName: portDropsContainer
    portResponsesContainerName: portResponsesContainer
    deadLetterContainerName: deadLetterContainer
    poisonQueueName: blobTriggerPoisonQueue
    eventGridPrincipalId: eventGrid.outputs.principalId
    serviceBusNamespaceName: serviceBus.outputs.namespaceName
    centerTopicNames: serviceBus.outputs.centerTopicNames
    triageTopicName: serviceBus.outputs.triageTopicName
    centerReceiverPrincipalIds: centerReceiverPrincipalIds
    centerSubscriptionNames: serviceBus.outputs.centerSubscriptionNames
    centerInboxes: [
      for (center, i) in centerInboxes: {
        topicIndex: indexOf(serviceBus.outputs.centerIds, toUpper(center))
        center: toUpper(center)
        principalId: inboxIdentities[i].outputs.principalId
      }
    ]
    reviewerPrincipalId: reviewerPrincipalId
    ports: ports
    cosmosAccountName: cosmos.outputs.accountName
    cosmosDatabaseName: cosmosDatabaseName
    keyVaultName: keyVault.outputs.name
    importerKeySecretName: keyVault.outputs.importerKeySecretName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    deployerPrincipalId: grantDeployerDataAccess ? deployerPrincipalId : ''
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  scope: rg
  params: {
    location: location
    tags: tags
    actionGroupName: 'ag-cee-${resourceToken}'
    emailReceivers: alertEmailReceivers
    dataStorageAccountName: storage.outputs.dataAccountName
    eventGridSystemTopicName: eventGrid.outputs.name
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  params: {
    name: 'func-cee-${resourceToken}'
    planName: 'plan-cee-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    hostStorageAccountName: storage.outputs.hostAccountName
    deploymentContainerUrl: '${storage.outputs.hostBlobEndpoint}${deploymentContainer}'
    dataBlobEndpoint: storage.outputs.dataBlobEndpoint
    dataQueueEndpoint: storage.outputs.dataQueueEndpoint
    serviceBusFullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabaseName: cosmosDatabaseName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    importerKeySecretUri: keyVault.outputs.importerKeySecretUri
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    reviewTimeout: reviewTimeout
    reviewFallback: reviewFallback
    maxEscalations: maxEscalations
    reconcilerSchedule: reconcilerSchedule
    maxTransfers: maxTransfers
    authClientId: authClientId
    authTenantId: authTenantId
  }
  // The host starts as soon as the app exists: let it find its storage, queues, vault and topics
  // already granted.
  dependsOn: [access]
}

// Read by azd and by the postdeploy hook (infra/scripts/create-eventgrid-subscription.*).
output AZURE_LOCATION string = location
// Each Center inbox's identity: its client id is the worker's Inbox__ManagedIdentityClientId, its
// principal id is what the Center's app role is assigned to.
output CENTER_INBOX_IDENTITIES array = [
  for (center, i) in centerInboxes: {
    center: toUpper(center)
    clientId: inboxIdentities[i].outputs.clientId
    principalId: inboxIdentities[i].outputs.principalId
  }
]
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_HOST string = functionApp.outputs.defaultHostName
output AUTH_CLIENT_ID string = authClientId
output INTAKE_FUNCTION_NAME string = intakeFunctionName
output EVENTGRID_SYSTEM_TOPIC_NAME string = eventGrid.outputs.name
output DATA_STORAGE_ACCOUNT_ID string = storage.outputs.dataAccountId
output DATA_STORAGE_ACCOUNT_NAME string = storage.outputs.dataAccountName
output PORT_DROPS_CONTAINER string = portDropsContainer
output EVENTGRID_DEADLETTER_CONTAINER string = deadLetterContainer
output SERVICEBUS_FULLY_QUALIFIED_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace
output COSMOS_ENDPOINT string = cosmos.outputs.endpoint
output KEY_VAULT_NAME string = keyVault.outputs.name
