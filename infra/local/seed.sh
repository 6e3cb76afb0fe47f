#!/bin/sh
# Seed the local stack started by infra/local/docker-compose.yml:
#   1. the blob containers (port-drops, documents, quarantine) and the blob trigger's poison queue
#      in Azurite, with the Azure CLI against Azurite's published development account;
#   2. sample importer accounts and CBP requests in the Cosmos DB emulator, with `cee seed`.
# Idempotent: run it again after `docker compose down -v`, or any time.
#
# Needs: az (Azure CLI; no login needed for Azurite), the .NET 10 SDK. Options (environment):
#   COSMOS_ENDPOINT      default https://localhost:8081/
#   COSMOS_EMULATOR_KEY  default the emulator's published well-known key
#   SKIP_COSMOS_SEED=1   only create the storage containers
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)

command -v az >/dev/null 2>&1 || { echo "az (Azure CLI) is required: https://aka.ms/azure-cli" >&2; exit 1; }

# Azurite's published development account (the same one UseDevelopmentStorage=true means).
azurite="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;"

attempt=1
until az storage container list --connection-string "$azurite" --output none 2>/dev/null; do
  [ "$attempt" -ge 30 ] && { echo "Azurite is not answering on 127.0.0.1:10000; is 'docker compose up -d' running?" >&2; exit 1; }
  sleep 2
  attempt=$((attempt + 1))
done

for container in port-drops documents quarantine; do
  az storage container create --name "$container" --connection-string "$azurite" --output none
  echo "Azurite: container $container"
done
az storage queue create --name webjobs-blobtrigger-poison --connection-string "$azurite" --output none
echo "Azurite: queue webjobs-blobtrigger-poison"

if [ "${SKIP_COSMOS_SEED:-0}" = "1" ]; then
  echo "Cosmos DB: skipped (SKIP_COSMOS_SEED=1)."
  exit 0
fi

endpoint="${COSMOS_ENDPOINT:-https://localhost:8081/}"
# The emulator's published well-known key: accepted by the emulator only, refused by the app for any
# endpoint that is not loopback (docs/configuration.md, Cosmos__EmulatorKey).
key="${COSMOS_EMULATOR_KEY:-C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==}"

for sample in accounts requests; do
  [ -f "$root/samples/$sample.json" ] || {
    echo "samples/$sample.json not found: run seed.sh from a full checkout (samples/ is made by src/Cee.Samples), or skip the Cosmos step with SKIP_COSMOS_SEED=1." >&2
    exit 1
  }
done

attempt=1
until curl --silent --insecure --output /dev/null "$endpoint"; do
  [ "$attempt" -ge 60 ] && { echo "The Cosmos DB emulator is not answering on $endpoint." >&2; exit 1; }
  sleep 2
  attempt=$((attempt + 1))
done

dotnet run --project "$root/src/Cee.Cli" -- seed \
  --accounts "$root/samples/accounts.json" \
  --requests "$root/samples/requests.json" \
  --endpoint "$endpoint" \
  --emulator-key "$key"
