// Two storage accounts, both keyless (shared key off, so no account key, account SAS or service SAS
// works), TLS 1.2, no public blob access:
//   - host: the Functions runtime, the Durable task hub (queues, tables, blobs) and the Flex
//     Consumption deployment package. The app identity owns it (account scope).
//   - data: the port-drops, documents and quarantine containers, the blob trigger's poison queue
//     and the Event Grid dead-letter container. Nobody holds an account-wide data role here:
//     every grant is on one container or one queue (access.bicep), and the Event Grid system topic
//     sees only data events.
// Why two and not one: docs/deployment.md ("Storage: two accounts").

param hostAccountName string
param dataAccountName string
param location string
param tags object
param deploymentContainerName string
param dataContainerNames string[]
param deadLetterContainerName string
param poisonQueueName string

@description('Redundancy of the data account (the documents themselves).')
param dataSkuName string = 'Standard_ZRS'

var keylessAccount = {
  allowBlobPublicAccess: false
  allowSharedKeyAccess: false
  defaultToOAuthAuthentication: true
  minimumTlsVersion: 'TLS1_2'
  supportsHttpsTrafficOnly: true
  publicNetworkAccess: 'Enabled'
}

resource hostAccount 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: hostAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: keylessAccount
}

resource hostBlobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: hostAccount
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: hostBlobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource dataAccount 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: dataAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: dataSkuName
  }
  properties: keylessAccount
}

// Soft delete: a drop or document deleted by mistake can be restored for 14 days.
resource dataBlobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: dataAccount
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 14
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 14
    }
  }
}

resource dataContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [
  for containerName in concat(dataContainerNames, [deadLetterContainerName]): {
    parent: dataBlobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

resource dataQueueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: dataAccount
  name: 'default'
}

// The blob trigger writes a message here after its retries on a drop fail (PortDrops__queueServiceUri).
resource poisonQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: dataQueueService
  name: poisonQueueName
}

output hostAccountName string = hostAccount.name
output hostBlobEndpoint string = hostAccount.properties.primaryEndpoints.blob
output dataAccountId string = dataAccount.id
output dataAccountName string = dataAccount.name
output dataBlobEndpoint string = dataAccount.properties.primaryEndpoints.blob
output dataQueueEndpoint string = dataAccount.properties.primaryEndpoints.queue
