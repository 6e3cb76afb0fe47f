// Parameter shapes shared by main.bicep and its modules.

@export()
@description('A port and the Entra principal that drops its documents.')
type portAccess = {
  @minLength(4)
  @maxLength(4)
  @description('Schedule D port code, 4 digits, e.g. 2704. Drops go to port-drops/{code}/{name}.')
  code: string

  @description('Object id of the port\'s principal (group, user or service principal).')
  principalId: string
}

@export()
@description('A Cosmos DB container and its partition key path.')
type cosmosContainer = {
  @description('Container name, e.g. ledger.')
  name: string

  @description('Partition key path, e.g. /id.')
  partitionKey: string

  @description('The container\'s indexing policy, as ARM writes it; the same as src/Cee.Routing.Cosmos/CosmosResources.cs creates locally.')
  indexingPolicy: object
}

@export()
@description('A Center inbox identity (src/Cee.CenterInbox) and the Center topic it may receive from.')
type centerInboxAccess = {
  @description('Index of the Center in topology.json (and of its topic in centerTopicNames).')
  topicIndex: int

  @description('ACE Center ID, for the assignment\'s description.')
  center: string

  @description('Object id of the inbox\'s managed identity.')
  principalId: string
}
