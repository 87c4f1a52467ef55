import { InvalidKeyError } from '../../bot/src/storage/errors';
import {
  annualClockKeys,
  competenceFrameworkKeys,
  conversationKeys,
  developmentDiscussionKeys,
  groupDiscussionKeys,
  keyPart,
  organisationKeys,
  serviceAreaKeys,
  summaryKeys,
  teamKeys,
  trainingPlanKeys,
  personKeys,
  type EntityKey,
} from '../../bot/src/storage/keys';

const awkwardIds = [
  'plain-id_1.2',
  "o'brien",
  'a|b',
  'a~7Cb',
  '100%',
  'slash/back\\slash',
  'hash#question?',
  'tab\tnew\nline\u0000\u007f\u0085',
  'Äänekoski åäö',
  '19:abc@thread.tacv2',
  '🙂',
  "x' or PartitionKey ne '",
];

describe('table keys', () => {
  it('encodes any id into characters every Table implementation accepts in a key', () => {
    for (const id of awkwardIds) expect(keyPart(id, 'id')).toMatch(/^[A-Za-z0-9._~-]+$/);
  });

  it('gives different ids different key parts', () => {
    const parts = awkwardIds.map((id) => keyPart(id, 'id'));
    expect(new Set(parts).size).toBe(awkwardIds.length);
  });

  it('refuses ids that cannot be keys', () => {
    expect(() => keyPart('', 'person id')).toThrow(InvalidKeyError);
    expect(() => keyPart('\ud800', 'person id')).toThrow(InvalidKeyError);
    expect(() => personKeys.person('x'.repeat(600))).toThrow(InvalidKeyError);
    expect(() => competenceFrameworkKeys.key('t', 27)).toThrow(InvalidKeyError);
  });

  it('starts every partition key with the tenant id', () => {
    const tenant = 'tenant|with~odd/chars';
    const tenantPart = keyPart(tenant, 'tenant id');
    const keys: EntityKey[] = [
      organisationKeys.key(tenant),
      serviceAreaKeys.key(tenant, 'sa'),
      { partitionKey: teamKeys.partition(tenant), rowKey: teamKeys.row('t') },
      { partitionKey: personKeys.partition(tenant), rowKey: personKeys.person('p') },
      developmentDiscussionKeys.key(tenant, 2027, 'e'),
      groupDiscussionKeys.key(tenant, 2027, 'g'),
      annualClockKeys.key(tenant),
      competenceFrameworkKeys.key(tenant, 2027),
      summaryKeys.key(tenant, 2027, 'sa'),
      trainingPlanKeys.key(tenant, 2027, null),
      conversationKeys.key(tenant, { kind: 'user', aadObjectId: 'oid' }),
    ];
    for (const key of keys) expect(key.partitionKey.split('|')[0]).toBe(tenantPart);
  });
});
