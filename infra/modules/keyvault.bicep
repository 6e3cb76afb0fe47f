// Key Vault in RBAC mode holding importer-key-secret: Base64 of >= 32 random bytes, the HMAC key of
// SSN lookup keys. The app reads it through a Key Vault reference (Importers__KeySecret) with its
// user-assigned identity, which holds Key Vault Secrets User on this one secret (access.bicep).

param name string
param location string
param tags object
param purgeProtection bool

@secure()
@description('The secret value: Base64 of >= 32 bytes.')
param importerKeySecretValue string

var importerKeySecretName = 'importer-key-secret'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // Purge protection can be switched on but never off: null leaves it off.
    enablePurgeProtection: purgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource importerKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: importerKeySecretName
  properties: {
    value: importerKeySecretValue
    contentType: 'base64'
  }
}

output name string = vault.name
output importerKeySecretName string = importerKeySecret.name
// Versionless: the app follows a rotated secret without a redeploy.
output importerKeySecretUri string = importerKeySecret.properties.secretUri
