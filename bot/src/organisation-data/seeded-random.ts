/** A small seeded PRNG (mulberry32), so that demo data is the same on every run and machine. */
import { fnv1a } from '../storage/fingerprint';

export interface Random {
  /** In [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[int(0, items.length - 1)];
    if (item === undefined) throw new Error('Cannot pick from an empty list.');
    return item;
  };
  return { next, int, pick };
}

/** A version-4-shaped GUID that depends only on the seed and the key (not on what else was generated). */
export function deterministicGuid(seed: number, key: string): string {
  const random = seededRandom(fnv1a(`${seed}:${key}`));
  const hex = Array.from({ length: 4 }, () =>
    Math.floor(random.next() * 4294967296)
      .toString(16)
      .padStart(8, '0'),
  ).join('');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
