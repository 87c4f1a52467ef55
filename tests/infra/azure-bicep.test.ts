/**
 * What infra/azure.bicep deploys, checked setting by setting against Microsoft's App Service security baseline
 * and the list (no Bicep CLI here: the file is read as text by tests/infra/bicep-text.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { at, parseBicep, type BicepResource, type BicepValue } from './bicep-text';

const ROOT = join(__dirname, '..', '..');
const source = readFileSync(join(ROOT, 'infra', 'azure.bicep'), 'utf8');
const bicep = parseBicep(source);

function resource(type: string, predicate: (r: BicepResource) => boolean = () => true): BicepResource {
  const found = bicep.resources.filter((r) => r.type === type && predicate(r));
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0]!;
}

function roleAssignmentsOn(scope: string): BicepResource[] {
  return bicep.resources.filter(
    (r) => r.type === 'Microsoft.Authorization/roleAssignments' && r.body.scope === scope,
  );
}

const site = resource('Microsoft.Web/sites');
const siteConfig = (key: string): BicepValue | undefined => at(site.body, `properties.siteConfig.${key}`);
const vault = resource('Microsoft.KeyVault/vaults');
const identity = resource('Microsoft.ManagedIdentity/userAssignedIdentities');
const appSettings = resource('Microsoft.Web/sites/config', (r) => r.body.name === "'appsettings'");

describe('parsing the Bicep text', () => {
  it('reads nested objects, arrays, quoted keys and comment-free expressions', () => {
    const parsed = parseBicep(
      [
        "resource x 'A/b@2020-01-01' = {",
        "  name: 'it''s ${base}-x' // a comment's apostrophe and { brace",
        '  list: [',
        '    {',
        "      category: 'One'",
        '    }',
        '  ]',
        "  props: union({ a: 'b' }, {})",
        '  nested: {',
        "    '${identity.id}': {}",
        '  }',
        '}',
      ].join('\n'),
    );
    expect(parsed.resources).toHaveLength(1);
    expect(parsed.resources[0]!.body).toEqual({
      name: "'it''s ${base}-x'",
      list: [{ category: "'One'" }],
      props: "union({ a: 'b' }, {})",
      nested: { '${identity.id}': {} },
    });
  });
});

describe('infra/azure.bicep: the runtime', () => {
  it('runs Node 24 LTS, the major version .ci/run tests the full suite on', () => {
    expect(bicep.params.get('linuxFxVersion')?.default).toBe("'NODE|24-lts'");
    expect(siteConfig('linuxFxVersion')).toBe('linuxFxVersion');
    const ciRun = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
    expect(ciRun).toMatch(/^NODE24_VERSION=24\.\d+\.\d+$/m);
  });

  it('starts the production server, not the local dev stack, and keeps it warm for the reminders', () => {
    // With the heap limits the benches measured the service and its fan-out under (bench/bench-processes.ts).
    const heapFlags = readFileSync(join(ROOT, 'infra', 'node-heap-flags.txt'), 'utf8').trim();
    expect(heapFlags).toMatch(/^--max-old-space-size=\d+ --max-semi-space-size=\d+$/);
    expect(siteConfig('appCommandLine')).toBe(`'node ${heapFlags} bot/dist/index.js'`);
    expect(siteConfig('alwaysOn')).toBe('true');
  });

  it('probes /healthz, which reports whether storage is reachable', () => {
    expect(siteConfig('healthCheckPath')).toBe("'/healthz'");
  });
});

describe('infra/azure.bicep: App Service security baseline', () => {
  it('serves HTTPS only, with TLS 1.2 at least on the site and on the deployment endpoint, and HTTP/2', () => {
    expect(at(site.body, 'properties.httpsOnly')).toBe('true');
    expect(siteConfig('minTlsVersion')).toBe("'1.2'");
    expect(siteConfig('scmMinTlsVersion')).toBe("'1.2'");
    expect(siteConfig('http20Enabled')).toBe('true');
  });

  it('has no FTP, no remote debugging, and the deployment endpoint no looser than the site', () => {
    expect(siteConfig('ftpsState')).toBe("'Disabled'");
    expect(siteConfig('remoteDebuggingEnabled')).toBe('false');
    expect(siteConfig('scmIpSecurityRestrictionsUseMain')).toBe('true');
  });

  it('switches basic-auth publishing credentials off for both SCM and FTP', () => {
    for (const name of ['scm', 'ftp']) {
      const policy = resource(
        'Microsoft.Web/sites/basicPublishingCredentialsPolicies',
        (r) => r.body.name === `'${name}'`,
      );
      expect(policy.body.parent).toBe(site.symbol);
      expect(at(policy.body, 'properties.allow')).toBe('false');
    }
  });

  it('runs as the one user-assigned managed identity, which also resolves Key Vault references', () => {
    expect(at(site.body, 'identity.type')).toBe("'UserAssigned'");
    expect(Object.keys(at(site.body, 'identity.userAssignedIdentities') as object)).toEqual([
      `\${${identity.symbol}.id}`,
    ]);
    expect(at(site.body, 'properties.keyVaultReferenceIdentity')).toBe(`${identity.symbol}.id`);
  });

  it('sends audit, platform and console logs to Log Analytics, but no HTTP access logs (URLs carry person ids)', () => {
    const diagnostics = resource(
      'Microsoft.Insights/diagnosticSettings',
      (r) => r.body.scope === site.symbol,
    );
    const workspace = resource('Microsoft.OperationalInsights/workspaces');
    expect(at(diagnostics.body, 'properties.workspaceId')).toBe(`${workspace.symbol}.id`);
    const categories = (at(diagnostics.body, 'properties.logs') as Array<{ [k: string]: BicepValue }>)
      .filter((log) => log.enabled === 'true')
      .map((log) => log.category);
    expect(categories).toEqual(
      expect.arrayContaining([
        "'AppServiceAuditLogs'",
        "'AppServicePlatformLogs'",
        "'AppServiceConsoleLogs'",
      ]),
    );
    expect(categories).not.toContain("'AppServiceHTTPLogs'");
  });
});

describe('infra/azure.bicep: the Graph secret in Key Vault', () => {
  it('creates a vault that authorises with Azure RBAC and keeps deleted secrets recoverable', () => {
    expect(at(vault.body, 'properties.enableRbacAuthorization')).toBe('true');
    expect(at(vault.body, 'properties.enableSoftDelete')).toBe('true');
    expect(at(vault.body, 'properties.enablePurgeProtection')).toBe('true');
    expect(at(vault.body, 'properties.accessPolicies')).toBeUndefined();
  });

  it('lets only the app identity read secrets (Key Vault Secrets User), and audits the vault', () => {
    const [assignment, ...others] = roleAssignmentsOn(vault.symbol);
    expect(others).toEqual([]);
    // Built-in role "Key Vault Secrets User", the same id in every tenant.
    expect(source).toMatch(/keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'/);
    expect(at(assignment!.body, 'properties.roleDefinitionId')).toContain('keyVaultSecretsUser');
    expect(at(assignment!.body, 'properties.principalId')).toBe(`${identity.symbol}.properties.principalId`);
    const audit = resource('Microsoft.Insights/diagnosticSettings', (r) => r.body.scope === vault.symbol);
    expect(JSON.stringify(at(audit.body, 'properties.logs'))).toContain("'AuditEvent'");
  });

  it('passes the secret to the app only as a Key Vault reference, and only when the Graph calendar is on', () => {
    const settings = at(appSettings.body, 'properties') as string;
    expect(settings).toMatch(
      /graphCalendar == 'on' \? \{\s*AAD_APP_CLIENT_SECRET: '@Microsoft\.KeyVault\(VaultName=\$\{vault\.name\};SecretName=\$\{graphSecretName\}\)'\s*\} : \{\}/,
    );
    expect(settings).toContain('GRAPH_CALENDAR: graphCalendar');
    expect(bicep.params.get('graphCalendar')?.default).toBe("'off'");
  });

  it('keeps no secret in the template: no account keys, no listKeys, no secure parameters', () => {
    expect(source).not.toMatch(/listKeys\(|AccountKey=|@secure\(\)/);
    const storage = resource('Microsoft.Storage/storageAccounts');
    expect(at(storage.body, 'properties.allowSharedKeyAccess')).toBe('false');
    expect(at(storage.body, 'properties.minimumTlsVersion')).toBe("'TLS1_2'");
    expect(at(storage.body, 'properties.supportsHttpsTrafficOnly')).toBe('true');
    expect(at(storage.body, 'properties.allowBlobPublicAccess')).toBe('false');
  });
});
