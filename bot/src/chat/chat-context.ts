import type { Locale } from '../domain/locale';
import type { Person } from '../domain/organisation';

/** Who is writing, resolved from the activity: the tenant, the linked person (if any) and the language. */
export interface ChatContext {
  tenantId: string;
  /** The Entra object id of the Teams user. */
  aadObjectId: string | null;
  person: Person | null;
  locale: Locale;
}
