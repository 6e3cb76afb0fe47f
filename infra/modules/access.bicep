// Every role assignment of the deployment, in one file: who may do what, and where. Built-in role
// definition ids are Azure's published ids; the table in docs/deployment.md lists them by name.
//
//   app identity   host account: Blob Data Owner, Queue + Table Data Contributor (runtime, Durable, deployment package)
//                  data containers port-drops, documents, quarantine, port-responses: Blob Data Contributor (each container, not the account)
//                  data account: Storage Blob Delegator (a user delegation key only, no data; the triage console's
//                  document links, whose reach is still the identity's container roles: ADR 0014)
//                  data queue webjobs-blobtrigger-poison: Queue Data Contributor (that queue only)
//                  every topic of topology.json: Service Bus Data Sender (each topic, not the namespace)
//                  Cosmos DB database: Built-in Data Contributor (data plane, database scope)
//                  secret importer-key-secret: Key Vault Secrets User (that secret only)
//                  Application Insights: Monitoring Metrics Publisher (Entra ID ingestion)
//   each Center    its own topic only: Service Bus Data Receiver
//   Center inboxes each subscription of its own Center's topic: Service Bus Data Receiver (src/Cee.CenterInbox;
//                  the subscriptions, not the topic, so nothing added to the topic later is theirs)
//   reviewers      the triage topic only: Service Bus Data Receiver
//   each port      port-drops, blobs under {code}/ only: custom write-only role + ABAC condition (ADR 0005)
//                  port-responses, blobs under {code}/ only: Blob Data Reader + ABAC condition (ADR 0012)
//   Event Grid     eventgrid-deadletter container: Blob Data Contributor (system topic identity)
//   deployer       optional (grantDeployerDataAccess): port-drops Blob Data Contributor, Cosmos DB
//                  Built-in Data Contributor on the database, Key Vault Secrets User on importer-key-secret
//
// Who may call the HTTP API is not an Azure role: App Service authentication and the app roles of
// infra/entra/app-roles.json decide it (modules/functionapp.bicep, docs/adr/0009).

import { centerInboxAccess, portAccess } from 'types.bicep'

param appPrincipalId string
param hostStorageAccountName string
param dataStorageAccountName string
param appDataContainerNames string[]
param portDropsContainerName string
param portResponsesContainerName string
param deadLetterContainerName string
param poisonQueueName string
param eventGridPrincipalId string
param serviceBusNamespaceName string
param centerTopicNames string[]
param triageTopicName string
param centerReceiverPrincipalIds string[]
param centerSubscriptionNames string[]
param centerInboxes centerInboxAccess[]
param reviewerPrincipalId string
param ports portAccess[]
param cosmosAccountName string
param cosmosDatabaseName string
param keyVaultName string
param importerKeySecretName string
param applicationInsightsName string

@description('Object id of the deploying user to grant first-run data access to; empty grants nothing (main.bicep passes empty when grantDeployerDataAccess is false).')
param deployerPrincipalId string

var roles = {
  storageBlobDataOwner: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b')
  storageBlobDelegator: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'db58b8e5-c6ad-4a2a-8342-4190687cbf4a')
  storageBlobDataReader: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1')
  storageBlobDataContributor: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
  storageQueueDataContributor: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '974c5e8b-45b9-4653-ba55-5f855dd0fb88')
  storageTableDataContributor: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')
  serviceBusDataSender: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39')
  serviceBusDataReceiver: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0')
  keyVaultSecretsUser: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
  monitoringMetricsPublisher: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '3913510d-42f4-4e42-8a64-420c390055eb')
}

// Cosmos DB data-plane role (not an Azure RBAC role): Cosmos DB Built-in Data Contributor.
var cosmosBuiltInDataContributor = '00000000-0000-0000-0000-000000000002'

var allTopicNames = concat(centerTopicNames, [triageTopicName])
var triageTopicIndex = length(centerTopicNames)

// ---- existing resources (created by the other modules) ----

resource hostAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: hostStorageAccountName
}

resource dataAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: dataStorageAccountName
}

resource dataBlobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' existing = {
  parent: dataAccount
  name: 'default'
}

resource appContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' existing = [
  for containerName in appDataContainerNames: {
    parent: dataBlobService
    name: containerName
  }
]

resource portDropsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' existing = {
  parent: dataBlobService
  name: portDropsContainerName
}

resource portResponsesContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' existing = {
  parent: dataBlobService
  name: portResponsesContainerName
}

resource deadLetterContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' existing = {
  parent: dataBlobService
  name: deadLetterContainerName
}

resource dataQueueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' existing = {
  parent: dataAccount
  name: 'default'
}

resource poisonQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' existing = {
  parent: dataQueueService
  name: poisonQueueName
}

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' existing = {
  name: serviceBusNamespaceName
}

resource topics 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' existing = [
  for topicName in allTopicNames: {
    parent: namespace
    name: topicName
  }
]

resource cosmosAccount 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' existing = {
  name: cosmosAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource importerKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' existing = {
  parent: vault
  name: importerKeySecretName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// ---- the app's identity ----

// Functions host, Durable task hub (queues, tables, blobs, leases) and the Flex deployment package.
resource appHostStorage 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in [roles.storageBlobDataOwner, roles.storageQueueDataContributor, roles.storageTableDataContributor]: {
    name: guid(hostAccount.id, appPrincipalId, role)
    scope: hostAccount
    properties: {
      roleDefinitionId: role
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

// Read drops, write documents and quarantined drops: one assignment per container, none on the account.
resource appDataContainers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (containerName, i) in appDataContainerNames: {
    name: guid(appContainers[i].id, appPrincipalId, roles.storageBlobDataContributor)
    scope: appContainers[i]
    properties: {
      roleDefinitionId: roles.storageBlobDataContributor
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

// The triage console's document links are user delegation SAS: the key is asked of the account (its
// only scope), and it reads nothing itself; a link made with it reads no more than the identity may
// (the documents container), one blob, for five minutes (ADR 0014).
resource appBlobDelegator 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(dataAccount.id, appPrincipalId, roles.storageBlobDelegator)
  scope: dataAccount
  properties: {
    roleDefinitionId: roles.storageBlobDelegator
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// The blob trigger's poison messages (PortDrops__queueServiceUri): this queue, nothing else.
resource appPoisonQueue 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(poisonQueue.id, appPrincipalId, roles.storageQueueDataContributor)
  scope: poisonQueue
  properties: {
    roleDefinitionId: roles.storageQueueDataContributor
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Publish on the Center topics and the triage topic, each by name: a queue or topic added to the
// namespace later is not the app's to write to.
resource appTopicSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (topicName, i) in allTopicNames: {
    name: guid(topics[i].id, appPrincipalId, roles.serviceBusDataSender)
    scope: topics[i]
    properties: {
      roleDefinitionId: roles.serviceBusDataSender
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource appCosmosData 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: cosmosAccount
  name: guid(cosmosAccount.id, appPrincipalId, cosmosBuiltInDataContributor, cosmosDatabaseName)
  properties: {
    roleDefinitionId: '${cosmosAccount.id}/sqlRoleDefinitions/${cosmosBuiltInDataContributor}'
    principalId: appPrincipalId
    scope: '${cosmosAccount.id}/dbs/${cosmosDatabaseName}'
  }
}

// Resolve the Importers__KeySecret Key Vault reference: this one secret.
resource appImporterKeySecret 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(importerKeySecret.id, appPrincipalId, roles.keyVaultSecretsUser)
  scope: importerKeySecret
  properties: {
    roleDefinitionId: roles.keyVaultSecretsUser
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appTelemetry 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, appPrincipalId, roles.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: roles.monitoringMetricsPublisher
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// ---- Centers and reviewers: receive from their own topic only ----

resource centerReceivers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (topicName, i) in centerTopicNames: if (!empty(centerReceiverPrincipalIds[i])) {
    name: guid(topics[i].id, centerReceiverPrincipalIds[i], roles.serviceBusDataReceiver)
    scope: topics[i]
    properties: {
      roleDefinitionId: roles.serviceBusDataReceiver
      principalId: centerReceiverPrincipalIds[i]
      description: 'Center topic ${topicName}: receive only, this topic only.'
    }
  }
]

// A Center's inbox worker: receive (and complete, abandon, dead-letter: the Receiver role's data
// actions) on each subscription of its own Center's topic, one assignment per subscription.
var inboxSubscriptionCount = length(centerSubscriptionNames)

resource inboxSubscriptions 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2024-01-01' existing = [
  for i in range(0, length(centerInboxes) * inboxSubscriptionCount): {
    parent: topics[centerInboxes[i / inboxSubscriptionCount].topicIndex]
    name: centerSubscriptionNames[i % inboxSubscriptionCount]
  }
]

resource centerInboxReceivers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for i in range(0, length(centerInboxes) * inboxSubscriptionCount): {
    name: guid(inboxSubscriptions[i].id, centerInboxes[i / inboxSubscriptionCount].principalId, roles.serviceBusDataReceiver)
    scope: inboxSubscriptions[i]
    properties: {
      roleDefinitionId: roles.serviceBusDataReceiver
      principalId: centerInboxes[i / inboxSubscriptionCount].principalId
      principalType: 'ServicePrincipal'
      description: 'Center inbox of ${centerInboxes[i / inboxSubscriptionCount].center}: receive from subscription ${centerSubscriptionNames[i % inboxSubscriptionCount]} of its own topic only.'
    }
  }
]

resource reviewerReceiver 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(reviewerPrincipalId)) {
  name: guid(topics[triageTopicIndex].id, reviewerPrincipalId, roles.serviceBusDataReceiver)
  scope: topics[triageTopicIndex]
  properties: {
    roleDefinitionId: roles.serviceBusDataReceiver
    principalId: reviewerPrincipalId
    description: 'Reviewers: receive review requests and escalations from ${triageTopicName}.'
  }
}

// ---- Ports: write-only, own prefix only (docs/adr/0005-port-write-isolation.md) ----

var portDropWriterRoleGuid = guid(resourceGroup().id, 'cee-port-drop-writer')

// Create and overwrite blobs; no read, list or delete, so a port cannot see another port's drops
// (or its own, once dropped).
resource portDropWriterRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = if (!empty(ports)) {
  name: portDropWriterRoleGuid
  properties: {
    roleName: 'CEE port drop writer ${uniqueString(resourceGroup().id)}'
    description: 'Write-only access to blobs. Assigned on the port-drops container with a condition that limits each port to blobs under its own port code.'
    type: 'CustomRole'
    assignableScopes: [
      resourceGroup().id
    ]
    permissions: [
      {
        actions: []
        notActions: []
        dataActions: [
          'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write'
          'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action'
        ]
        notDataActions: []
      }
    ]
  }
}

resource portWriters 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for port in ports: {
    name: guid(portDropsContainer.id, port.principalId, port.code)
    scope: portDropsContainer
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', portDropWriterRoleGuid)
      principalId: port.principalId
      description: 'Port ${port.code}: create blobs under ${portDropsContainerName}/${port.code}/ only.'
      // Any write or create must target this container and a blob path starting with the port code.
      condition: '((!(ActionMatches{\'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write\'}) AND !(ActionMatches{\'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action\'})) OR (@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals \'${portDropsContainerName}\' AND @Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringLike \'${port.code}/*\'))'
      conditionVersion: '2.0'
    }
    dependsOn: [
      portDropWriterRole
    ]
  }
]

// Read the answers to its own drops (DIS MessageValidationResponse, DocumentReviewResponse), by name:
// the same condition style as the writes, so a port reads blobs under its own code only. Listing is
// not granted (List Blobs has no blob path to match), so a port reads the name it knows.
resource portResponseReaders 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for port in ports: {
    name: guid(portResponsesContainer.id, port.principalId, port.code)
    scope: portResponsesContainer
    properties: {
      roleDefinitionId: roles.storageBlobDataReader
      principalId: port.principalId
      description: 'Port ${port.code}: read blobs under ${portResponsesContainerName}/${port.code}/ only.'
      // Any read must target this container and a blob path starting with the port code.
      condition: '((!(ActionMatches{\'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read\'})) OR (@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals \'${portResponsesContainerName}\' AND @Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringLike \'${port.code}/*\'))'
      conditionVersion: '2.0'
    }
  }
]

// ---- Event Grid: dead-letter undeliverable BlobCreated events ----

resource eventGridDeadLetter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(deadLetterContainer.id, eventGridPrincipalId, roles.storageBlobDataContributor)
  scope: deadLetterContainer
  properties: {
    roleDefinitionId: roles.storageBlobDataContributor
    principalId: eventGridPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// ---- The deploying user: enough to try the deployment at once, off in production ----
// Upload a first drop (az storage blob upload --auth-mode login), load accounts and requests with
// `cee seed` (signs in with the Azure CLI login) and read the importer key secret it needs.

var deployerAccess = !empty(deployerPrincipalId)

resource deployerPortDrops 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (deployerAccess) {
  name: guid(portDropsContainer.id, deployerPrincipalId, roles.storageBlobDataContributor)
  scope: portDropsContainer
  properties: {
    roleDefinitionId: roles.storageBlobDataContributor
    principalId: deployerPrincipalId
    description: 'Deployer (grantDeployerDataAccess): upload drops to ${portDropsContainerName}. Off in production.'
  }
}

resource deployerCosmosData 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = if (deployerAccess) {
  parent: cosmosAccount
  name: guid(cosmosAccount.id, deployerPrincipalId, cosmosBuiltInDataContributor, cosmosDatabaseName)
  properties: {
    roleDefinitionId: '${cosmosAccount.id}/sqlRoleDefinitions/${cosmosBuiltInDataContributor}'
    principalId: deployerPrincipalId
    scope: '${cosmosAccount.id}/dbs/${cosmosDatabaseName}'
  }
}

resource deployerImporterKeySecret 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (deployerAccess) {
  name: guid(importerKeySecret.id, deployerPrincipalId, roles.keyVaultSecretsUser)
  scope: importerKeySecret
  properties: {
    roleDefinitionId: roles.keyVaultSecretsUser
    principalId: deployerPrincipalId
    description: 'Deployer (grantDeployerDataAccess): read importer-key-secret for cee seed. Off in production.'
  }
}
