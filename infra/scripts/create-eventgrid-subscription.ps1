# azd postdeploy hook (azure.yaml), Windows: the same as create-eventgrid-subscription.sh.
# Creates or updates the Event Grid subscription that delivers BlobCreated events from the
# port-drops container to the IntakeFromPortDrop blob trigger (Source = BlobTriggerSource.EventGrid).
# It needs the function app's blobs_extension system key, which exists only after the code is
# deployed. One PUT (Event Grid create-or-update, API 2025-02-15): safe to run after every deploy.
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

if (-not (Get-Command az -ErrorAction SilentlyContinue)) {
    throw 'az (Azure CLI) is required: https://aka.ms/azure-cli'
}

function Require([string] $name) {
    $value = [Environment]::GetEnvironmentVariable($name)
    if ([string]::IsNullOrEmpty($value)) { throw "$name is missing; run through azd or set it." }
    return $value
}

$resourceGroup = Require 'AZURE_RESOURCE_GROUP'
$appName = Require 'AZURE_FUNCTION_APP_NAME'
$functionName = Require 'INTAKE_FUNCTION_NAME'
$systemTopic = Require 'EVENTGRID_SYSTEM_TOPIC_NAME'
$storageId = Require 'DATA_STORAGE_ACCOUNT_ID'
$container = Require 'PORT_DROPS_CONTAINER'
$deadLetterContainer = Require 'EVENTGRID_DEADLETTER_CONTAINER'
$subscriptionName = if ($env:EVENTGRID_SUBSCRIPTION_NAME) { $env:EVENTGRID_SUBSCRIPTION_NAME } else { 'port-drops-intake' }
$subscriptionId = if ($env:AZURE_SUBSCRIPTION_ID) { $env:AZURE_SUBSCRIPTION_ID } else { az account show --query id --output tsv }

$key = ''
for ($attempt = 1; $attempt -le 20 -and -not $key; $attempt++) {
    $key = az functionapp keys list --resource-group $resourceGroup --name $appName --query 'systemKeys.blobs_extension' --output tsv 2>$null
    if (-not $key) {
        Write-Host "Waiting for the blobs_extension system key of $appName ($attempt/20)..."
        Start-Sleep -Seconds 15
    }
}
if (-not $key) {
    throw "No blobs_extension key on $appName. Is $functionName deployed with Source = BlobTriggerSource.EventGrid? See docs/deployment.md."
}

$hostName = az functionapp show --resource-group $resourceGroup --name $appName --query defaultHostName --output tsv
$arm = (az cloud show --query endpoints.resourceManager --output tsv).TrimEnd('/')

$body = @{
    properties = @{
        destination = @{
            endpointType = 'WebHook'
            properties = @{
                endpointUrl = "https://$hostName/runtime/webhooks/blobs?functionName=Host.Functions.$functionName&code=$key"
                maxEventsPerBatch = 1
                preferredBatchSizeInKilobytes = 64
            }
        }
        filter = @{
            includedEventTypes = @('Microsoft.Storage.BlobCreated')
            subjectBeginsWith = "/blobServices/default/containers/$container/"
            advancedFilters = @(
                @{
                    operatorType = 'StringIn'
                    key = 'data.api'
                    values = @('CopyBlob', 'PutBlob', 'PutBlockList', 'FlushWithClose', 'SftpCommit')
                }
            )
        }
        eventDeliverySchema = 'EventGridSchema'
        retryPolicy = @{
            maxDeliveryAttempts = 30
            eventTimeToLiveInMinutes = 1440
        }
        deadLetterWithResourceIdentity = @{
            identity = @{ type = 'SystemAssigned' }
            deadLetterDestination = @{
                endpointType = 'StorageBlob'
                properties = @{
                    resourceId = $storageId
                    blobContainerName = $deadLetterContainer
                }
            }
        }
    }
}

$bodyFile = New-TemporaryFile
try {
    $body | ConvertTo-Json -Depth 10 | Set-Content -Path $bodyFile -Encoding utf8
    $uri = "$arm/subscriptions/$subscriptionId/resourceGroups/$resourceGroup/providers/Microsoft.EventGrid/systemTopics/$systemTopic/eventSubscriptions/$subscriptionName`?api-version=2025-02-15"
    az rest --method put --uri $uri --body "@$bodyFile" --output none
    if ($LASTEXITCODE -ne 0) { throw "az rest PUT failed ($LASTEXITCODE)." }

    $state = ''
    for ($attempt = 1; $attempt -le 20; $attempt++) {
        $state = az rest --method get --uri $uri --query properties.provisioningState --output tsv
        if ($state -eq 'Succeeded') { break }
        if ($state -in @('Failed', 'Canceled')) { throw "Event Grid subscription ${subscriptionName}: $state." }
        Start-Sleep -Seconds 6
    }
    if ($state -ne 'Succeeded') { throw "Event Grid subscription $subscriptionName still $state; check the portal." }
}
finally {
    Remove-Item -Path $bodyFile -Force -ErrorAction SilentlyContinue
}

Write-Host "Event Grid subscription ${subscriptionName}: BlobCreated in $container/ -> $appName/$functionName."
