/** Ids derived from names, for HR files that name service areas and teams without giving their codes. */

export const MAX_ID_LENGTH = 64;

/** FNV-1a: a short stable fingerprint, so that long names cut to the same prefix still get different ids. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

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
