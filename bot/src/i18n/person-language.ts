/**
 * The language the app speaks to a person, in one place: every chat reply, card, reminder and invitation reads
 * a person through `inTheirLanguage`, whose `locale` is then the person's own choice when they made one, else
 * their HR record's (domain/locale.ts `personLocale`). The Teams client's locale is only for someone the app
 * does not know (teams/activity-identity.ts `localeOf`).
 */
import { personLocale, type LanguageChoice, type Locale } from '../domain/locale';
import type { Person } from '../domain/organisation';
import { AlreadyExistsError, ConcurrencyConflictError } from '../storage/errors';
import type { LanguageChoiceRepository } from '../storage/language-choice-repository';
import type { Versioned } from '../storage/table-store';

export type LanguageChoices = Pick<LanguageChoiceRepository, 'chosenLocale'>;

/** The person with `locale` set by the one rule (personLocale): their own choice, else their HR record's. */
function withChoice<P extends Person>(person: P, chosen: Locale | null | undefined): P {
  const locale = personLocale({ chosen, record: person.locale, organisation: person.locale });
  return locale === person.locale ? person : { ...person, locale };
}

/** The person with `locale` set to the language the app speaks to them. */
export async function inTheirLanguage(choices: LanguageChoices, person: Person): Promise<Person> {
  return withChoice(person, await choices.chosenLocale(person.tenantId, person.id));
}

export async function inTheirLanguageIfKnown(
  choices: LanguageChoices,
  person: Person | null | undefined,
): Promise<Person | null> {
  return person ? inTheirLanguage(choices, person) : null;
}

/** The people with their own choices applied, from the tenant's choices read at once (the daily reminders). */
export function withChoices<P extends Person>(
  people: readonly P[],
  chosen: ReadonlyMap<string, Locale>,
): P[] {
  return people.map((person) => withChoice(person, chosen.get(person.id)));
}

/**
 * Stores the person's choice. `expectedEtag`: the version the personal tab read (null: it saw no choice), and a
 * ConcurrencyConflictError when the stored choice is another; undefined (a chat button): the latest choice wins.
 */
export async function chooseLanguage(
  repository: Pick<LanguageChoiceRepository, 'get' | 'create' | 'update'>,
  person: Pick<Person, 'tenantId' | 'id'>,
  locale: Locale,
  now: Date,
  expectedEtag?: string | null,
): Promise<Versioned<LanguageChoice>> {
  const read = await repository.get(person.tenantId, person.id);
  if (expectedEtag !== undefined && (read?.etag ?? null) !== expectedEtag)
    throw new ConcurrencyConflictError('LanguageChoices');
  const updatedAt = now.toISOString();
  if (read) return repository.update(read, { locale, updatedAt });
  try {
    return await repository.create({ tenantId: person.tenantId, personId: person.id, locale, updatedAt });
  } catch (error) {
    if (error instanceof AlreadyExistsError) throw new ConcurrencyConflictError('LanguageChoices');
    throw error;
  }
}
