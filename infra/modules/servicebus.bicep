// Service Bus (Standard): one topic per Center and the triage topic, each with the session-enabled
// subscriptions and SQL filters of topology.json. Nothing here names a topic or a subscription:
// the Center list, topic names, subscriptions and filters all come from the one file the core
// embeds (tests/Cee.Routing.Tests/Architecture/TopologyDriftTests.cs fails if that ever changes).

param name string
param location string
param tags object

@description('Duplicate detection window of every topic (ISO 8601, at most P7D).')
param duplicateDetectionWindow string

@description('Default message time to live on topics and subscriptions (ISO 8601).')
param messageTimeToLive string

var topology = loadJsonContent('../../src/Cee.Routing/Centers/topology.json')
var centerTopicNames = map(topology.centers, center => center.topic)
var topicNames = concat(centerTopicNames, [topology.triageTopic])
var centerTopicCount = length(centerTopicNames)

// Every (topic, subscription) pair: each Center topic gets subscriptions.centerTopic, the triage
// topic (last in topicNames) gets subscriptions.triageTopic. Plain variable loops with index
// arithmetic, rather than nested lambdas, so that nothing depends on lambda closure semantics.
var centerSubscriptions = topology.subscriptions.centerTopic
var centerSubscriptionCount = length(centerSubscriptions)
var centerPairs = [
  for i in range(0, centerTopicCount * centerSubscriptionCount): {
    topicIndex: i / centerSubscriptionCount
    name: centerSubscriptions[i % centerSubscriptionCount].name
    filter: centerSubscriptions[i % centerSubscriptionCount].filter
  }
]
var triagePairs = [
  for subscription in topology.subscriptions.triageTopic: {
    topicIndex: centerTopicCount
    name: subscription.name
    filter: subscription.filter
  }
]
var topicSubscriptions = concat(centerPairs, triagePairs)

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource topics 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = [
  for topicName in topicNames: {
    parent: namespace
    name: topicName
    properties: {
      // MessageId = document id (MessageFactory): a repeat publish inside the window is dropped.
      requiresDuplicateDetection: true
      duplicateDetectionHistoryTimeWindow: duplicateDetectionWindow
      defaultMessageTimeToLive: messageTimeToLive
      enableBatchedOperations: true
      maxSizeInMegabytes: 5120
    }
  }
]

resource subscriptions 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2024-01-01' = [
  for item in topicSubscriptions: {
    parent: topics[item.topicIndex]
    name: item.name
    properties: {
      // Every message carries a SessionId (entry number, else importer, else drop).
      requiresSession: true
      deadLetteringOnMessageExpiration: true
      deadLetteringOnFilterEvaluationExceptions: true
      defaultMessageTimeToLive: messageTimeToLive
      lockDuration: 'PT1M'
      maxDeliveryCount: 10
      enableBatchedOperations: true
    }
  }
]

// Service Bus gives every new subscription a '$Default' rule that accepts everything (1=1). Writing
// the topology's filter into that rule, rather than adding a second rule beside it, leaves exactly
// one rule per subscription: the one topology.json declares.
resource rules 'Microsoft.ServiceBus/namespaces/topics/subscriptions/rules@2024-01-01' = [
  for (item, i) in topicSubscriptions: {
    parent: subscriptions[i]
    name: '$Default'
    properties: {
      filterType: 'SqlFilter'
      sqlFilter: {
        sqlExpression: item.filter
        compatibilityLevel: 20
      }
    }
  }
]

output namespaceName string = namespace.name
// https://<namespace>.servicebus.windows.net:443/ -> <namespace>.servicebus.windows.net
output fullyQualifiedNamespace string = split(split(namespace.properties.serviceBusEndpoint, '//')[1], ':')[0]
output centerTopicNames string[] = centerTopicNames
// ACE Center IDs in topology order (index i is centerTopicNames[i]) and the subscriptions every Center topic has.
output centerIds string[] = map(topology.centers, center => center.id)
output centerSubscriptionNames string[] = map(centerSubscriptions, subscription => subscription.name)
output triageTopicName string = topology.triageTopic
