/** Who is calling the API: the signed-in person of a tenant, with their roles and language. */
import type { Locale } from '../domain/locale';
import type { Person, Role } from '../domain/organisation';

export interface RequestIdentity {
  /** The tenant of the validated token; every read and write of the request stays in it. */
  tenantId: string;
  aadObjectId: string;
  /** The validated bearer token itself: the assertion of the on-behalf-of exchange to Graph. */
  accessToken: string;
  person: Person;
  roles: readonly Role[];
  /** The language to answer in: the request's Accept-Language, else the person's own. */
  locale: Locale;
}
