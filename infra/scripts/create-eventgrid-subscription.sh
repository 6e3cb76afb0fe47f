#!/bin/sh
# azd postdeploy hook (azure.yaml): create or update the Event Grid subscription that delivers
# BlobCreated events from the port-drops container to the IntakeFromPortDrop blob trigger
# (Source = BlobTriggerSource.EventGrid).
#
# It runs after the code is deployed because the webhook needs the function app's blobs_extension
# system key, which the host creates only once it has indexed an Event Grid blob trigger. The
# subscription is written with one PUT (Event Grid's create-or-update API, 2025-02-15), so running
# the hook again replaces it with the same definition: safe after every `azd deploy`.
#
# Needs: az (logged in to the deployment's subscription). Reads, from the azd environment:
#   AZURE_RESOURCE_GROUP, AZURE_FUNCTION_APP_NAME, INTAKE_FUNCTION_NAME, EVENTGRID_SYSTEM_TOPIC_NAME,
#   DATA_STORAGE_ACCOUNT_ID, PORT_DROPS_CONTAINER, EVENTGRID_DEADLETTER_CONTAINER
# and optionally AZURE_SUBSCRIPTION_ID, EVENTGRID_SUBSCRIPTION_NAME (default port-drops-intake).
set -eu

command -v az >/dev/null 2>&1 || { echo "az (Azure CLI) is required: https://aka.ms/azure-cli" >&2; exit 1; }

: "${AZURE_RESOURCE_GROUP:?missing; run through azd or export it}"
: "${AZURE_FUNCTION_APP_NAME:?missing}"
: "${INTAKE_FUNCTION_NAME:?missing}"
: "${EVENTGRID_SYSTEM_TOPIC_NAME:?missing}"
: "${DATA_STORAGE_ACCOUNT_ID:?missing}"
: "${PORT_DROPS_CONTAINER:?missing}"
: "${EVENTGRID_DEADLETTER_CONTAINER:?missing}"
subscription_name="${EVENTGRID_SUBSCRIPTION_NAME:-port-drops-intake}"
subscription_id="${AZURE_SUBSCRIPTION_ID:-$(az account show --query id --output tsv)}"

# The key appears a little after the first deployment, once the host has started and indexed the
# trigger: wait up to five minutes.
key=""
attempt=1
while [ "$attempt" -le 20 ]; do
  key=$(az functionapp keys list --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" \
    --query "systemKeys.blobs_extension" --output tsv 2>/dev/null || true)
  [ -n "$key" ] && break
  echo "Waiting for the blobs_extension system key of $AZURE_FUNCTION_APP_NAME ($attempt/20)..."
  sleep 15
  attempt=$((attempt + 1))
done
if [ -z "$key" ]; then
  echo "No blobs_extension key on $AZURE_FUNCTION_APP_NAME. Is $INTAKE_FUNCTION_NAME deployed with Source = BlobTriggerSource.EventGrid? See docs/deployment.md." >&2
  exit 1
fi

host=$(az functionapp show --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" \
  --query defaultHostName --output tsv)
arm=$(az cloud show --query endpoints.resourceManager --output tsv)
arm="${arm%/}"

body=$(mktemp)
trap 'rm -f "$body"' EXIT
chmod 600 "$body"
cat >"$body" <<JSON
{
  "properties": {
    "destination": {
      "endpointType": "WebHook",
      "properties": {
        "endpointUrl": "https://${host}/runtime/webhooks/blobs?functionName=Host.Functions.${INTAKE_FUNCTION_NAME}&code=${key}",
        "maxEventsPerBatch": 1,
        "preferredBatchSizeInKilobytes": 64
      }
    },
    "filter": {
      "includedEventTypes": ["Microsoft.Storage.BlobCreated"],
      "subjectBeginsWith": "/blobServices/default/containers/${PORT_DROPS_CONTAINER}/",
      "advancedFilters": [
        {
          "operatorType": "StringIn",
          "key": "data.api",
          "values": ["CopyBlob", "PutBlob", "PutBlockList", "FlushWithClose", "SftpCommit"]
        }
      ]
    },
    "eventDeliverySchema": "EventGridSchema",
    "retryPolicy": {
      "maxDeliveryAttempts": 30,
      "eventTimeToLiveInMinutes": 1440
    },
    "deadLetterWithResourceIdentity": {
      "identity": { "type": "SystemAssigned" },
      "deadLetterDestination": {
        "endpointType": "StorageBlob",
        "properties": {
          "resourceId": "${DATA_STORAGE_ACCOUNT_ID}",
          "blobContainerName": "${EVENTGRID_DEADLETTER_CONTAINER}"
        }
      }
    }
  }
}
JSON

uri="${arm}/subscriptions/${subscription_id}/resourceGroups/${AZURE_RESOURCE_GROUP}/providers/Microsoft.EventGrid/systemTopics/${EVENTGRID_SYSTEM_TOPIC_NAME}/eventSubscriptions/${subscription_name}?api-version=2025-02-15"
az rest --method put --uri "$uri" --body "@$body" --output none

# Creation is asynchronous; Event Grid validates the webhook (the blob extension answers) before it
# reports Succeeded.
state=""
attempt=1
while [ "$attempt" -le 20 ]; do
  state=$(az rest --method get --uri "$uri" --query properties.provisioningState --output tsv)
  case "$state" in
    Succeeded) break ;;
    Failed | Canceled) echo "Event Grid subscription $subscription_name: $state." >&2; exit 1 ;;
  esac
  sleep 6
  attempt=$((attempt + 1))
done
[ "$state" = "Succeeded" ] || { echo "Event Grid subscription $subscription_name still $state; check the portal." >&2; exit 1; }
echo "Event Grid subscription $subscription_name: BlobCreated in ${PORT_DROPS_CONTAINER}/ -> ${AZURE_FUNCTION_APP_NAME}/${INTAKE_FUNCTION_NAME}."
