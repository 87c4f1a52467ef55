import { ExpiringCache } from '../../bot/src/storage/expiring-cache';

describe('ExpiringCache', () => {
  let now = 0;
  let loads = 0;
  const loader = (value: string) => async () => {
    loads++;
    return value;
  };
  const cache = (maxEntries = 10) => new ExpiringCache<string | null>({ ttlMs: 1000, maxEntries }, () => now);

  beforeEach(() => {
    now = 0;
    loads = 0;
  });

  it('loads a key once per TTL, per tenant', async () => {
    const c = cache();
    await c.load('t1', 'k', loader('a'));
    expect(await c.load('t1', 'k', loader('b'))).toBe('a');
    expect(await c.load('t2', 'k', loader('c'))).toBe('c');
    now = 1000;
    expect(await c.load('t1', 'k', loader('d'))).toBe('d');
    expect(loads).toBe(3);
  });

  it('forgets one tenant only', async () => {
    const c = cache();
    await c.load('t1', 'k', loader('a'));
    await c.load('t2', 'k', loader('b'));
    c.forgetTenant('t1');
    expect(await c.load('t1', 'k', loader('c'))).toBe('c');
    expect(await c.load('t2', 'k', loader('d'))).toBe('b');
  });

  it('keeps neither failed loads nor values it is told not to keep', async () => {
    const c = cache();
    await expect(c.load('t', 'k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await c.load('t', 'k', loader('a'))).toBe('a');
    const notFound = () => Promise.resolve(null);
    expect(await c.load('t', 'missing', notFound, (v) => v !== null)).toBeNull();
    expect(await c.load('t', 'missing', loader('found'), (v) => v !== null)).toBe('found');
  });

  it('holds at most maxEntries, dropping the oldest', async () => {
    const c = cache(2);
    await c.load('t', 'a', loader('a'));
    await c.load('t', 'b', loader('b'));
    await c.load('t', 'c', loader('c'));
    expect(await c.load('t', 'c', loader('c2'))).toBe('c');
    expect(await c.load('t', 'a', loader('a2'))).toBe('a2');
  });
});
