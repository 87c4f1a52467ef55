// Azure resources for Osaamiskello: one Linux App Service that serves the bot (/api/messages), the API
// (/api/v1) and the tab pages (/tabs/), an Azure Bot registration for Teams, a storage account (tables and
// queues), a Key Vault for the one optional secret, and a Log Analytics workspace for the platform's own logs.
// One user-assigned managed identity is the bot's identity and the app's identity towards storage and the
// vault, so there are no connection strings to keep. Deployed by `arm/deploy` in teamsapp.yml; each output
// is written back to env/.env.{env} by its name. Settings follow Microsoft's App Service security baseline
// (Microsoft cloud security benchmark); tests/infra/azure-bicep.test.ts checks each of them.

@minLength(4)
@maxLength(40)
@description('Base for resource names; the toolkit fills RESOURCE_SUFFIX to make it unique.')
param resourceBaseName string

param location string = resourceGroup().location

@description('App Service plan size. B1 is the smallest with Always On, which the bot\'s reminders need.')
param webAppSku string = 'B1'

@description('Node runtime: Node 24 LTS, the version .ci/run tests the whole suite on.')
param linuxFxVersion string = 'NODE|24-lts'

@maxLength(42)
param botDisplayName string

@description('F0 is free and enough for the Teams channel.')
param botServiceSku string = 'F0'

@description('Client id of the Entra app for tab SSO (aadApp/create); the API validates tokens for it.')
param aadAppClientId string

@description('Tenant of that Entra app.')
param aadAppTenantId string

@description('The Teams app id (manifest id): reminder cards deep-link into the app\'s personal tab with it.')
param teamsAppId string

@description('on: meetings also go to Outlook through Graph; the Entra app\'s secret must then be in the Key Vault as aad-app-client-secret (README, Deploying).')
@allowed(['on', 'off'])
param graphCalendar string = 'off'

@description('Days the Log Analytics workspace keeps the platform logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 90

var webAppName = resourceBaseName
var storageAccountName = 'st${uniqueString(resourceGroup().id, resourceBaseName)}'
var keyVaultName = 'kv${uniqueString(resourceGroup().id, resourceBaseName)}'
// The Graph calendar's client secret, as HR's IT stores it in the vault.
var graphSecretName = 'aad-app-client-secret'

// Built-in role ids, the same in every tenant.
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0a4d5'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-id'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // Only Entra identities (the managed identity) may use the data; account keys are switched off.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {}
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {}
}

resource tableDataRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identity.id, storageTableDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource queueDataRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identity.id, storageQueueDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// The optional Graph secret lives here, never in an app setting's value. Access is by Azure RBAC only (no access
// policies); soft delete and purge protection keep a deleted secret recoverable. Public network access stays on
// because the App Service has no virtual network to reach a private endpoint through.
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

// The app reads secrets (Key Vault references resolve with this identity); it cannot list or change them.
resource vaultSecretsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Platform logs for security investigations (baseline LT-1/LT-4): who signed in to the deployment endpoints,
// the platform's events, and the service's own console output (JSON lines with event names and ids only).
resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references in app settings resolve with the user-assigned identity (the site has no system one).
    keyVaultReferenceIdentity: identity.id
    // Teams and the Bot Connector call in from the internet and present no client certificate.
    publicNetworkAccess: 'Enabled'
    clientCertEnabled: false
    siteConfig: {
      linuxFxVersion: linuxFxVersion
      // The root package's `npm start` builds and starts the local dev stack; production runs the server, with
      // the heap limits of infra/node-heap-flags.txt (bench/README.md, "Memory": the service, its reminder
      // worker included, stays under 200 MB while it sends a day of reminders; V8's default limits let garbage
      // pile up to 250 MB first). The benches start their sending processes with the same file's flags.
      appCommandLine: 'node --max-old-space-size=128 --max-semi-space-size=8 bot/dist/index.js'
      alwaysOn: true
      // The service answers 503 here when storage is unreachable; App Service then takes the instance out of
      // rotation and replaces it if it stays unhealthy.
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      remoteDebuggingEnabled: false
      // The deployment endpoint (Kudu) accepts only the main site's access rules, never a looser set of its own.
      scmIpSecurityRestrictionsUseMain: true
    }
  }
}

// A resource of its own so the settings can use the site's host name without a self-reference.
resource webAppSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: union({
    // The package is built before zip deploy; App Service must not run `npm install` / build again.
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
    NODE_ENV: 'production'
    // Never seed the demo municipality into real storage.
    DEMO_DATA: 'off'
    HOST: '0.0.0.0'
    // App Service's front end appends the client's address to X-Forwarded-For: the per-address limit reads it.
    TRUSTED_PROXY_HOPS: '1'
    BOT_ID: identity.properties.clientId
    // Spelled as the service's configuration (bot/src/config.ts) accepts it.
    BOT_TYPE: 'UserAssignedMSI'
    BOT_TENANT_ID: identity.properties.tenantId
    // Tells DefaultAzureCredential which of the site's identities to use for storage.
    AZURE_CLIENT_ID: identity.properties.clientId
    AZURE_STORAGE_ACCOUNT_NAME: storage.name
    AAD_APP_CLIENT_ID: aadAppClientId
    AAD_APP_TENANT_ID: aadAppTenantId
    TEAMS_APP_ID: teamsAppId
    TAB_ENDPOINT: 'https://${webApp.properties.defaultHostName}'
    // The API accepts v1 tokens, whose audience is the App ID URI api://TAB_DOMAIN/AAD_APP_CLIENT_ID.
    TAB_DOMAIN: webApp.properties.defaultHostName
    GRAPH_CALENDAR: graphCalendar
  }, graphCalendar == 'on' ? {
    // Resolved by App Service with keyVaultReferenceIdentity; the value never appears in this template.
    AAD_APP_CLIENT_SECRET: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${graphSecretName})'
  } : {})
  dependsOn: [
    vaultSecretsRole
  ]
}

// Deployment goes through Entra: the toolkit's zipDeploy calls Kudu with an Entra token
// (microsoft-365-agents-toolkit pull request 8574). Basic-auth publishing credentials are switched off for both
// the SCM (Kudu, WebDeploy) and the FTP endpoints.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

// No HTTP access logs: their URLs carry person ids (/api/v1/people/:personId/...), and the service's logs hold
// no personal data.
resource webAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: webApp
  name: 'platform-logs'
  properties: {
    workspaceId: logs.id
    logs: [
      {
        category: 'AppServiceAuditLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
    ]
  }
}

// Every read of the Graph secret, by whom.
resource vaultDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: vault
  name: 'audit'
  properties: {
    workspaceId: logs.id
    logs: [
      {
        category: 'AuditEvent'
        enabled: true
      }
    ]
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botServiceSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
      deploymentEnvironment: 'CommercialDeployment'
    }
  }
}

// Output names are the environment variable names the toolkit writes to env/.env.{env}. The identity's
// client id is deliberately not output as AZURE_CLIENT_ID: in the toolkit's own environment that name
// would steer Azure SDK credentials. It is BOT_ID (and the site's AZURE_CLIENT_ID app setting).
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output BOT_DOMAIN string = webApp.properties.defaultHostName
output TAB_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.name
output WEB_APP_NAME string = webApp.name
output WEB_APP_RESOURCE_ID string = webApp.id
output KEY_VAULT_NAME string = vault.name
