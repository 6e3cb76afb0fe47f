// Nothing stuck unseen (issue 18, docs/adr/0015): three alert rules to one action group whose
// receivers are parameters.
//   - the blob trigger's poison queue (the data account's only queue) holds a message: a drop the
//     trigger gave up on;
//   - the Event Grid system topic dead-lettered an event into the eventgrid-deadletter container: a
//     drop whose BlobCreated never reached the app (the reconciler's port-drops scan also finds it);
//   - the app logged a run recorded Failed (its Error "… gave up after … attempt(s) …; recording it
//     Failed and sending it to triage"), a log query over Application Insights' workspace.

param location string
param tags object
param actionGroupName string

@maxLength(12)
param actionGroupShortName string = 'cee-alerts'

@description('Who is told: e-mail receivers, each { name, emailAddress }.')
param emailReceivers emailReceiver[] = []

param dataStorageAccountName string
param eventGridSystemTopicName string
param logAnalyticsWorkspaceId string

type emailReceiver = {
  name: string
  emailAddress: string
}

resource dataAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: dataStorageAccountName
}

resource dataQueues 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' existing = {
  parent: dataAccount
  name: 'default'
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: eventGridSystemTopicName
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: actionGroupName
  location: 'global'
  tags: tags
  properties: {
    groupShortName: actionGroupShortName
    enabled: true
    emailReceivers: [for receiver in emailReceivers: {
      name: receiver.name
      emailAddress: receiver.emailAddress
      useCommonAlertSchema: true
    }]
  }
}

resource poisonQueueAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-cee-poison-queue'
  location: 'global'
  tags: tags
  properties: {
    description: 'The blob trigger\'s poison queue (webjobs-blobtrigger-poison, the data account\'s only queue) holds a message: a drop the trigger gave up on.'
    severity: 1
    enabled: true
    scopes: [dataQueues.id]
    // Queue capacity metrics are emitted hourly.
    evaluationFrequency: 'PT1H'
    windowSize: 'PT1H'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'poison-messages'
          metricNamespace: 'Microsoft.Storage/storageAccounts/queueServices'
          metricName: 'QueueMessageCount'
          operator: 'GreaterThan'
          threshold: 0
          timeAggregation: 'Average'
        }
      ]
    }
    actions: [{ actionGroupId: actionGroup.id }]
  }
}

resource deadLetterAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-cee-eventgrid-deadletter'
  location: 'global'
  tags: tags
  properties: {
    description: 'Event Grid dead-lettered a BlobCreated into the eventgrid-deadletter container: its drop was never delivered to the app.'
    severity: 1
    enabled: true
    scopes: [systemTopic.id]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'dead-lettered'
          metricNamespace: 'Microsoft.EventGrid/systemTopics'
          metricName: 'DeadLetteredCount'
          operator: 'GreaterThan'
          threshold: 0
          timeAggregation: 'Total'
        }
      ]
    }
    actions: [{ actionGroupId: actionGroup.id }]
  }
}

resource failedRunsAlert 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = {
  name: 'alert-cee-failed-runs'
  location: location
  tags: tags
  properties: {
    description: 'A routing run exhausted an activity\'s retries and recorded its documents Failed (the reconciler re-drives it; a person sees it on the triage topic).'
    severity: 2
    enabled: true
    scopes: [logAnalyticsWorkspaceId]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    criteria: {
      allOf: [
        {
          query: 'AppTraces | where SeverityLevel >= 3 and Message has "recording it Failed"'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: [actionGroup.id]
    }
  }
}

output actionGroupId string = actionGroup.id
