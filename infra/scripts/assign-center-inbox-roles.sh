#!/bin/sh
# Give each Center inbox's managed identity its own Center's app role on the API (Cee.Center.<id>),
# so its token may acknowledge that Center's documents and no other's. The identities come from
# `azd provision` with centerInboxes set (output CENTER_INBOX_IDENTITIES: center, clientId,
# principalId). An app role is a Microsoft Graph assignment, not an Azure role, so Bicep cannot make
# it (docs/center-inbox.md, "Deploying"). Idempotent: a role already held is left alone.
#
# Usage: assign-center-inbox-roles.sh <Center id> <principal id> [<Center id> <principal id> ...]
#   e.g. assign-center-inbox-roles.sh CEE007 7d3c9e6a-5f1b-4c8d-a0e4-a7f2b1c3d5e6
# Needs: az, logged in as someone who may assign app roles on the API's enterprise application;
# CEE_AUTH_CLIENT_ID (the API's client id, as for `azd up`).
set -eu

command -v az >/dev/null 2>&1 || { echo "az (Azure CLI) is required: https://aka.ms/azure-cli" >&2; exit 1; }
[ -n "${CEE_AUTH_CLIENT_ID:-}" ] || { echo "Set CEE_AUTH_CLIENT_ID to the API's client id." >&2; exit 1; }
[ $# -ge 2 ] && [ $(($# % 2)) -eq 0 ] || { echo "Usage: $0 <Center id> <principal id> [...]" >&2; exit 2; }

graph=$(az cloud show --query endpoints.microsoftGraphResourceId --output tsv)
graph="${graph%/}"
sp_id=$(az ad sp show --id "$CEE_AUTH_CLIENT_ID" --query id --output tsv)

while [ $# -ge 2 ]; do
  center=$(echo "$1" | tr '[:lower:]' '[:upper:]')
  principal="$2"
  shift 2
  role="Cee.Center.$center"
  role_id=$(az ad app show --id "$CEE_AUTH_CLIENT_ID" --query "appRoles[?value=='$role'].id | [0]" --output tsv)
  [ -n "$role_id" ] || { echo "The API has no app role $role: is $center a Center of topology.json, and infra/entra/app-roles.json applied?" >&2; exit 1; }
  held=$(az rest --method GET --uri "$graph/v1.0/servicePrincipals/$sp_id/appRoleAssignedTo" \
    --query "length(value[?principalId=='$principal' && appRoleId=='$role_id'])" --output tsv)
  if [ "$held" = "0" ]; then
    az rest --method POST --uri "$graph/v1.0/servicePrincipals/$sp_id/appRoleAssignedTo" --headers Content-Type=application/json \
      --body "{\"principalId\":\"$principal\",\"resourceId\":\"$sp_id\",\"appRoleId\":\"$role_id\"}" --output none
    echo "Assigned $role to $principal."
  else
    echo "$principal already holds $role."
  fi
done
