#!/bin/sh
# Create or update the Microsoft Entra app registration of the CeeFunctions API, which App Service
# authentication signs callers in against (infra/modules/functionapp.bicep, authClientId), then
# print the azd command that hands its client id to the deployment. Run it once per tenant, before
# the first `azd up`, as someone who may create app registrations (Application Developer or more);
# running it again brings an existing registration back to what is committed here.
#
# What it does (docs/deployment.md, "Sign-in"):
#   1. the registration, single tenant, with the app roles of infra/entra/app-roles.json;
#   2. its application id URI api://<client id>, v2 access tokens and the user_impersonation scope
#      (infra/entra/api.json), and the Azure CLI pre-authorized for that scope, so that
#      `az account get-access-token --scope api://<client id>/user_impersonation` works without a
#      consent prompt;
#   3. its enterprise application (service principal) with user assignment required: only users,
#      groups and applications assigned an app role get a token for the API at all;
#   4. with CEE_ASSIGN_ME=1, both app roles for the signed-in user (a first test of a dev deployment);
#   5. with CEE_FUNCTION_APP_HOST=<app>.azurewebsites.net (after the first `azd up`), browser sign-in
#      for the triage console: the web redirect URI https://<host>/.auth/login/aad/callback and ID
#      token issuance (App Service authentication's implicit flow, no client secret; ADR 0014).
#
# Needs: az, logged in to the tenant. Optional: CEE_AUTH_APP_NAME (default cee-functions-api),
# CEE_ASSIGN_ME=1, CEE_FUNCTION_APP_HOST.
set -eu

command -v az >/dev/null 2>&1 || { echo "az (Azure CLI) is required: https://aka.ms/azure-cli" >&2; exit 1; }

name="${CEE_AUTH_APP_NAME:-cee-functions-api}"
here=$(cd "$(dirname "$0")" && pwd)
roles="$here/../entra/app-roles.json"
api="$here/../entra/api.json"
# The Azure CLI's own client id: the same in every tenant and cloud.
azure_cli=04b07795-8ddb-461a-bbee-02f9e1bf7b46
graph=$(az cloud show --query endpoints.microsoftGraphResourceId --output tsv)
graph="${graph%/}"

app_id=$(az ad app list --display-name "$name" --query "[0].appId" --output tsv)
if [ -z "$app_id" ]; then
  echo "Creating app registration $name..."
  app_id=$(az ad app create --display-name "$name" --sign-in-audience AzureADMyOrg --app-roles "@$roles" --query appId --output tsv)
else
  echo "Updating app registration $name ($app_id)..."
  az ad app update --id "$app_id" --app-roles "@$roles"
fi
object_id=$(az ad app show --id "$app_id" --query id --output tsv)

az ad app update --id "$app_id" --identifier-uris "api://$app_id"
az rest --method PATCH --uri "$graph/v1.0/applications/$object_id" --headers Content-Type=application/json --body "@$api"
# A scope can be pre-authorized only once it exists: a second PATCH.
scope_id=$(az ad app show --id "$app_id" --query "api.oauth2PermissionScopes[?value=='user_impersonation'].id | [0]" --output tsv)
az rest --method PATCH --uri "$graph/v1.0/applications/$object_id" --headers Content-Type=application/json \
  --body "{\"api\":{\"preAuthorizedApplications\":[{\"appId\":\"$azure_cli\",\"delegatedPermissionIds\":[\"$scope_id\"]}]}}"

sp_id=$(az ad sp show --id "$app_id" --query id --output tsv 2>/dev/null || true)
if [ -z "$sp_id" ]; then
  sp_id=$(az ad sp create --id "$app_id" --query id --output tsv)
fi
az ad sp update --id "$app_id" --set appRoleAssignmentRequired=true

if [ "${CEE_ASSIGN_ME:-}" = "1" ]; then
  me=$(az ad signed-in-user show --query id --output tsv)
  for role in Cee.Reader Cee.Reviewer; do
    role_id=$(az ad app show --id "$app_id" --query "appRoles[?value=='$role'].id | [0]" --output tsv)
    held=$(az rest --method GET --uri "$graph/v1.0/servicePrincipals/$sp_id/appRoleAssignedTo" \
      --query "length(value[?principalId=='$me' && appRoleId=='$role_id'])" --output tsv)
    if [ "$held" = "0" ]; then
      az rest --method POST --uri "$graph/v1.0/servicePrincipals/$sp_id/appRoleAssignedTo" --headers Content-Type=application/json \
        --body "{\"principalId\":\"$me\",\"resourceId\":\"$sp_id\",\"appRoleId\":\"$role_id\"}" --output none
      echo "Assigned $role to you ($me)."
    fi
  done
fi

if [ -n "${CEE_FUNCTION_APP_HOST:-}" ]; then
  host="${CEE_FUNCTION_APP_HOST#https://}"
  host="${host%%/*}"
  az ad app update --id "$app_id" --web-redirect-uris "https://$host/.auth/login/aad/callback" --enable-id-token-issuance true
  echo "Browser sign-in: reviewers open https://$host/.auth/login/aad?post_login_redirect_uri=/api/triage/"
fi

echo
echo "App registration $name: client id $app_id, tenant $(az account show --query tenantId --output tsv)."
echo "Hand it to the deployment with:"
echo "  azd env set CEE_AUTH_CLIENT_ID $app_id"
