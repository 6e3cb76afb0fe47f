// The Event Grid system topic of the data storage account. Its one subscription (BlobCreated in
// port-drops -> the IntakeFromPortDrop blob trigger's webhook) needs the function's blobs_extension
// system key, which exists only after the code is deployed, so the azd postdeploy hook creates it:
// infra/scripts/create-eventgrid-subscription.sh (.ps1). The topic's system identity writes
// undeliverable events to the eventgrid-deadletter container (granted in access.bicep).

param name string
param location string
param tags object
param storageAccountId string

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: storageAccountId
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = systemTopic.name
output principalId string = systemTopic.identity.principalId
