import type { ConversationReferenceRepository } from '../../bot/src/storage/conversation-reference-repository';
import { openRepositories } from '../../bot/src/storage/repositories';
import { newTenantId, testStorageAccount } from '../support/storage';
import { conversationReference } from './samples';

describe('ConversationReferenceRepository on real Azurite', () => {
  let references: ConversationReferenceRepository;
  beforeAll(async () => {
    references = (await openRepositories(testStorageAccount())).conversationReferences;
  });

  it('saves a repeated installation event once', async () => {
    const tenant = newTenantId();
    const address = { kind: 'user', aadObjectId: 'oid-1' } as const;
    const first = await references.save(conversationReference(tenant, address));
    const again = await references.save(conversationReference(tenant, address));

    expect(first.outcome).toBe('created');
    expect(again).toEqual({ outcome: 'unchanged', record: first.record });

    const moved = conversationReference(tenant, address, { reference: { serviceUrl: 'https://elsewhere/' } });
    const changed = await references.save(moved);
    expect(changed.outcome).toBe('updated');
    expect((await references.get(tenant, address))?.value.reference).toEqual({
      serviceUrl: 'https://elsewhere/',
    });
  });

  it('lists a team’s channels, and only that team’s', async () => {
    const tenant = newTenantId();
    const teamId = '19:abc@thread.tacv2';
    for (const channelId of ['19:general@thread.tacv2', '19:hr@thread.tacv2']) {
      await references.save(conversationReference(tenant, { kind: 'channel', teamId, channelId }));
    }
    await references.save(conversationReference(tenant, { kind: 'team', teamId }));
    await references.save(
      conversationReference(tenant, { kind: 'channel', teamId: `${teamId}2`, channelId: 'c' }),
    );
    await references.save(
      conversationReference(newTenantId(), { kind: 'channel', teamId, channelId: 'foreign' }),
    );

    const channels = await references.listChannelsOfTeam(tenant, teamId);

    expect(channels.map((channel) => channel.value.address)).toEqual([
      { kind: 'channel', teamId, channelId: '19:general@thread.tacv2' },
      { kind: 'channel', teamId, channelId: '19:hr@thread.tacv2' },
    ]);
    expect(channels.map((channel) => channel.value.channelName)).toEqual(['Yleinen', 'Yleinen']);
  });

  it('forgets a team and its channels when the app is uninstalled from it', async () => {
    const tenant = newTenantId();
    const teamId = '19:abc@thread.tacv2';
    await references.save(conversationReference(tenant, { kind: 'team', teamId }));
    await references.save(conversationReference(tenant, { kind: 'channel', teamId, channelId: 'c1' }));
    await references.save(
      conversationReference(tenant, { kind: 'channel', teamId: 'other', channelId: 'c1' }),
    );

    await references.delete(tenant, { kind: 'team', teamId });
    await references.delete(tenant, { kind: 'team', teamId });

    expect(await references.get(tenant, { kind: 'team', teamId })).toBeNull();
    expect(await references.listChannelsOfTeam(tenant, teamId)).toEqual([]);
    expect(await references.listChannelsOfTeam(tenant, 'other')).toHaveLength(1);
  });

  it('keeps each tenant’s conversations apart', async () => {
    const tenant = newTenantId();
    const address = { kind: 'chat', conversationId: "19:x'y@thread.v2" } as const;
    await references.save(conversationReference(tenant, address));

    expect(await references.get(newTenantId(), address)).toBeNull();
    expect((await references.get(tenant, address))?.value.address).toEqual(address);
  });
});
