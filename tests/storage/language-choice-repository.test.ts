/**
 * LanguageChoices on real Azurite: one choice per person and tenant, changed only with the ETag read, and
 * `chooseLanguage` (the chat's and the tab's one way of storing it) keeps a stale tab from overwriting a newer
 * choice while a chat button's latest press wins.
 */
import { personLocale } from '../../bot/src/domain/locale';
import { chooseLanguage } from '../../bot/src/i18n/person-language';
import { AlreadyExistsError, ConcurrencyConflictError } from '../../bot/src/storage/errors';
import type { LanguageChoiceRepository } from '../../bot/src/storage/language-choice-repository';
import { openRepositories } from '../../bot/src/storage/repositories';
import { newTenantId, testStorageAccount } from '../support/storage';

const at = new Date('2026-12-07T10:00:00Z');

describe('LanguageChoiceRepository on real Azurite', () => {
  let choices: LanguageChoiceRepository;
  beforeAll(async () => {
    choices = (await openRepositories(testStorageAccount())).languageChoices;
  });

  it('keeps each tenant’s choices apart, and refuses a second first choice and a stale change', async () => {
    const [tenantA, tenantB] = [newTenantId(), newTenantId()];
    const first = await choices.create({
      tenantId: tenantA,
      personId: 'p1',
      locale: 'sv',
      updatedAt: at.toISOString(),
    });
    expect(await choices.chosenLocale(tenantA, 'p1')).toBe('sv');
    expect(await choices.chosenLocale(tenantB, 'p1')).toBeNull();
    expect([...(await choices.listForTenant(tenantB)).entries()]).toEqual([]);

    await expect(
      choices.create({ tenantId: tenantA, personId: 'p1', locale: 'en', updatedAt: at.toISOString() }),
    ).rejects.toBeInstanceOf(AlreadyExistsError);
    const changed = await choices.update(first, { locale: 'en', updatedAt: at.toISOString() });
    await expect(choices.update(first, { locale: 'fi', updatedAt: at.toISOString() })).rejects.toBeInstanceOf(
      ConcurrencyConflictError,
    );
    expect((await choices.get(tenantA, 'p1'))?.value.locale).toBe('en');
    expect([...(await choices.listForTenant(tenantA)).entries()]).toEqual([['p1', 'en']]);

    await choices.delete(changed);
    expect(await choices.get(tenantA, 'p1')).toBeNull();
    expect(await choices.chosenLocale(tenantA, 'p1')).toBeNull();
  });

  it('stores with the ETag the tab read, and lets a chat press win without one', async () => {
    const person = { tenantId: newTenantId(), id: 'p2' };
    const fromTab = await chooseLanguage(choices, person, 'fi', at, null);
    await expect(chooseLanguage(choices, person, 'en', at, null)).rejects.toBeInstanceOf(
      ConcurrencyConflictError,
    );
    const fromChat = await chooseLanguage(choices, person, 'sv', at);
    await expect(chooseLanguage(choices, person, 'en', at, fromTab.etag)).rejects.toBeInstanceOf(
      ConcurrencyConflictError,
    );
    const again = await chooseLanguage(choices, person, 'en', at, fromChat.etag);
    expect(again.value.locale).toBe('en');
    expect(await choices.chosenLocale(person.tenantId, person.id)).toBe('en');
  });
});

describe('personLocale: whose language wins', () => {
  it('is the person’s own choice, else the HR record’s, else the Teams client’s, else the organisation’s', () => {
    expect(personLocale({ chosen: 'en', record: 'sv', client: 'fi', organisation: 'fi' })).toBe('en');
    expect(personLocale({ chosen: null, record: 'sv', client: 'en', organisation: 'fi' })).toBe('sv');
    expect(personLocale({ chosen: null, record: null, client: 'en', organisation: 'fi' })).toBe('en');
    expect(personLocale({ organisation: 'sv' })).toBe('sv');
  });
});
