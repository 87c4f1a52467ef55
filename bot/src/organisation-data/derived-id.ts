/** Ids derived from names, for HR files that name service areas and teams without giving their codes. */
import { MAX_ID_LENGTH } from '../domain/content-limits';
import { fnv1a } from '../storage/fingerprint';

/** "Opetus ja varhaiskasvatus" → "opetus-ja-varhaiskasvatus": lowercase ASCII, digits and hyphens only. */
export function idFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const id = slug || 'x';
  if (id.length <= MAX_ID_LENGTH) return id;
  const suffix = fnv1a(name).toString(16).padStart(8, '0');
  return `${id.slice(0, MAX_ID_LENGTH - suffix.length - 1)}-${suffix}`;
}
