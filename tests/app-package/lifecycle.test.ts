/**
 * The Teams Toolkit lifecycle (teamsapp.yml for Azure, teamsapp.local.yml for a tunnel), its env files
 * and the Bicep template fit together: every placeholder is set before it is used, every file an action
 * reads exists, the template's parameters and outputs match, and the security settings are in place.
 * The Bicep CLI is not available offline, so the template is read as text, not compiled.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readJson, readText, REPO_ROOT } from './app-package';
import {
  bicepOutputs,
  bicepParams,
  envFileKeys,
  parseLifecycle,
  referencedFiles,
  unsetPlaceholders,
} from './lifecycle';

const bicep = readText('infra/azure.bicep');
const lifecycles = {
  dev: { yaml: 'teamsapp.yml', env: 'env/.env.dev' },
  local: { yaml: 'teamsapp.local.yml', env: 'env/.env.local' },
};

describe.each(Object.entries(lifecycles))('%s lifecycle', (_, { yaml, env }) => {
  const actions = parseLifecycle(readText(yaml));

  test('is a v1.7 project file with the three stages', () => {
    expect(readText(yaml)).toMatch(/^version: v1\.7$/m);
    expect(actions.length).toBeGreaterThan(5);
  });

  test('sets every placeholder before the action that needs it', () => {
    expect(unsetPlaceholders(actions, envFileKeys(readText(env)))).toEqual([]);
  });

  test('reads only files that exist', () => {
    const files = actions.flatMap(referencedFiles);
    expect(files).toEqual(
      expect.arrayContaining(['appPackage/manifest.json', 'appPackage/aad.manifest.json']),
    );
    for (const file of files)
      expect({ file, exists: existsSync(join(REPO_ROOT, file)) }).toEqual({ file, exists: true });
  });

  test('validates, zips and updates the Teams app at the end of provisioning', () => {
    const provision = actions.filter((action) => action.stage === 'provision').map((action) => action.uses);
    expect(provision.slice(-4)).toEqual([
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    expect(provision[0]).toBe('teamsApp/create');
  });

  test('commits no secrets in its env file', () => {
    const keys = envFileKeys(readText(env));
    expect(keys.filter((key) => key.startsWith('SECRET_'))).toEqual([]);
    expect(readText('.gitignore')).toMatch(/^env\/\.env\.\*\.user$/m);
  });
});

describe('lifecycle checks', () => {
  test('the placeholder walk notices an action that runs before its inputs exist', () => {
    const reordered = parseLifecycle(
      [
        'provision:',
        '  - uses: aadApp/update',
        '    with:',
        '      manifestPath: ./appPackage/aad.manifest.json',
        '  - uses: aadApp/create',
        '    writeToEnvironmentFile:',
        '      clientId: AAD_APP_CLIENT_ID',
      ].join('\n'),
    );
    const missing = unsetPlaceholders(reordered, ['APP_NAME_SUFFIX', 'TAB_DOMAIN', 'TAB_ENDPOINT']);
    expect(missing).toEqual(
      expect.arrayContaining(['aadApp/update: AAD_APP_CLIENT_ID', 'aadApp/update: AAD_APP_OBJECT_ID']),
    );
  });

  test('the Azure provisioning uses no client secret for the SSO app', () => {
    const create = parseLifecycle(readText('teamsapp.yml')).find((action) => action.uses === 'aadApp/create');
    expect(create?.text).toMatch(/generateClientSecret: false/);
  });

  test('deploy builds, zip-deploys to the web app the template outputs with an ignore file, then smoke-checks it', () => {
    const deploy = parseLifecycle(readText('teamsapp.yml')).filter((action) => action.stage === 'deploy');
    expect(deploy.map((action) => action.uses)).toEqual([
      'cli/runNpmCommand',
      'cli/runNpmCommand',
      'cli/runNpmCommand',
      'azureAppService/zipDeploy',
      'script',
    ]);
    expect(deploy[0]?.text).toMatch(/args: ci\b/);
    expect(deploy[1]?.text).toMatch(/args: run build\b/);
    expect(deploy[3]?.text).toMatch(/resourceId: \$\{\{WEB_APP_RESOURCE_ID\}\}/);
    expect(bicepOutputs(bicep)).toContain('WEB_APP_RESOURCE_ID');
  });

  test('publish ends by submitting the package to the organisation catalogue', () => {
    const publish = parseLifecycle(readText('teamsapp.yml')).filter((action) => action.stage === 'publish');
    expect(publish.at(-1)?.uses).toBe('teamsApp/publishAppPackage');
  });

  test('the deployed package keeps the built server and pages but not sources or tests', () => {
    const ignored = readText('.webappignore')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    expect(ignored).toEqual(expect.arrayContaining(['tests/', 'bot/src/', 'tabs/src/', 'env/', 'infra/']));
    for (const kept of ['bot/', 'bot/dist/', 'tabs/', 'tabs/dist/', 'node_modules/', 'package.json']) {
      expect(ignored).not.toContain(kept);
    }
  });
});

describe('Bicep template', () => {
  const parameters = readJson('infra/azure.parameters.json') as { parameters: Record<string, unknown> };

  test('gets a value for every parameter without a default, and only for declared parameters', () => {
    const declared = bicepParams(bicep);
    const given = Object.keys(parameters.parameters);
    expect(given.filter((name) => !declared.some((param) => param.name === name))).toEqual([]);
    const required = declared.filter((param) => !param.hasDefault).map((param) => param.name);
    expect(required.filter((name) => !given.includes(name))).toEqual([]);
    expect(required).toEqual(
      expect.arrayContaining(['resourceBaseName', 'aadAppClientId', 'aadAppTenantId']),
    );
  });

  test('outputs what the Teams manifest and the deploy step read, under the env names', () => {
    expect(bicepOutputs(bicep)).toEqual(
      expect.arrayContaining([
        'BOT_ID',
        'BOT_DOMAIN',
        'TAB_DOMAIN',
        'TAB_ENDPOINT',
        'AZURE_STORAGE_ACCOUNT_NAME',
        'WEB_APP_RESOURCE_ID',
      ]),
    );
  });

  test('runs the bot as the user-assigned managed identity, registered for Teams', () => {
    expect(bicep).toMatch(/Microsoft\.ManagedIdentity\/userAssignedIdentities@/);
    expect(bicep).toMatch(/msaAppType: 'UserAssignedMSI'/);
    expect(bicep).toMatch(/msaAppId: identity\.properties\.clientId/);
    expect(bicep).toMatch(/msaAppMSIResourceId: identity\.id/);
    expect(bicep).toMatch(/endpoint: 'https:\/\/\$\{webApp\.properties\.defaultHostName\}\/api\/messages'/);
    expect(bicep).toMatch(/channelName: 'MsTeamsChannel'/);
  });

  test('locks the storage account to Entra identities over TLS 1.2', () => {
    expect(bicep).toMatch(/kind: 'StorageV2'/);
    expect(bicep).toMatch(/minimumTlsVersion: 'TLS1_2'/);
    expect(bicep).toMatch(/allowBlobPublicAccess: false/);
    expect(bicep).toMatch(/allowSharedKeyAccess: false/);
    expect(bicep).toMatch(/storageAccounts\/tableServices@/);
    expect(bicep).toMatch(/storageAccounts\/queueServices@/);
    expect(bicep).not.toMatch(/listKeys|connectionString|AccountKey/i);
  });

  test('grants the identity table and queue data roles on the account, and secret reading on the vault', () => {
    expect(bicep).toContain("'0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'");
    expect(bicep).toContain("'974c5e8b-45b9-4653-ba55-5f855dd0a4d5'");
    expect(bicep).toContain("'4633458b-17de-408a-b874-0445c86b69e6'");
    expect(bicep.match(/Microsoft\.Authorization\/roleAssignments@/g)).toHaveLength(3);
    expect(bicep.match(/principalId: identity\.properties\.principalId/g)).toHaveLength(3);
  });

  test('runs Node 24 LTS on Linux over HTTPS only, with the settings the service reads', () => {
    expect(bicep).toMatch(/param linuxFxVersion string = 'NODE\|24-lts'/);
    expect(bicep).toMatch(/reserved: true/);
    expect(bicep).toMatch(/httpsOnly: true/);
    for (const setting of [
      "HOST: '0.0.0.0'",
      'BOT_ID: identity.properties.clientId',
      "BOT_TYPE: 'UserAssignedMSI'",
      "DEMO_DATA: 'off'",
      'BOT_TENANT_ID:',
      'AZURE_CLIENT_ID: identity.properties.clientId',
      'AZURE_STORAGE_ACCOUNT_NAME: storage.name',
      'AAD_APP_CLIENT_ID: aadAppClientId',
      'AAD_APP_TENANT_ID: aadAppTenantId',
      'TAB_ENDPOINT:',
    ]) {
      expect(bicep).toContain(setting);
    }
  });
});

describe('the App Service’s transport security', () => {
  const bicep = readText('infra/azure.bicep');

  test('TLS 1.2 at least for the site and its deployment endpoint, no FTP, the tab domain for token audiences', () => {
    expect(bicep).toMatch(/httpsOnly: true/);
    expect(bicep).toMatch(/ minTlsVersion: '1\.2'/);
    expect(bicep).toMatch(/scmMinTlsVersion: '1\.2'/);
    expect(bicep).toMatch(/ftpsState: 'Disabled'/);
    expect(bicep).toMatch(/basicPublishingCredentialsPolicies@[\s\S]*name: 'ftp'[\s\S]*allow: false/);
    expect(bicep).toContain('    TAB_DOMAIN: webApp.properties.defaultHostName');
  });
});

describe('settings the Node service reads (bot/src/config.ts)', () => {
  const config = readText('bot/src/config.ts');
  const botTypes = [
    ...(/BOT_TYPE: z\.enum\(\[([^\]]*)\]\)/.exec(config)?.[1] ?? '').matchAll(/'(\w+)'/g),
  ].map((match) => match[1]);

  test('the service still declares its BOT_TYPE values where this test looks', () => {
    expect(botTypes).toEqual(expect.arrayContaining(['UserAssignedMSI', 'SingleTenant']));
  });

  test('Azure and local runs use a BOT_TYPE the service accepts', () => {
    expect(botTypes).toContain(/BOT_TYPE: '(\w+)'/.exec(bicep)?.[1]);
    expect(botTypes).toContain(/BOT_TYPE: (\w+)/.exec(readText('teamsapp.local.yml'))?.[1]);
  });

  test('the app settings for hosting, the bot and storage are names the service reads', () => {
    for (const name of [
      'HOST',
      'BOT_ID',
      'BOT_TYPE',
      'BOT_TENANT_ID',
      'AZURE_CLIENT_ID',
      'AZURE_STORAGE_ACCOUNT_NAME',
      'DEMO_DATA',
    ]) {
      expect({
        name,
        inTemplate: bicep.includes(`    ${name}: `),
        readByService: config.includes(`  ${name}: `),
      }).toEqual({
        name,
        inTemplate: true,
        readByService: true,
      });
    }
  });
});
