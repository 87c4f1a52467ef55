/**
 * The last guard before a request leaves: a send late by a few ms and the next one on time never put more than
 * the ceiling into one of Teams' one-second windows.
 */
import type { PacingClock } from '../../bot/src/fanout/pacing-clock';
import { SendWindow } from '../../bot/src/fanout/send-window';

/** A clock whose sleeps pass at once, moving its time on. */
function steppingClock(): PacingClock & { at: number } {
  const clock = {
    at: 0,
    now: () => clock.at,
    sleep: async (ms: number) => {
      clock.at += Math.max(0, ms);
    },
  };
  return clock;
}

test('the request one over the ceiling within a second waits until the oldest leaves the window', async () => {
  const clock = steppingClock();
  const window = new SendWindow(3, clock, 1000);
  const left: number[] = [];
  for (let i = 0; i < 7; i++) {
    await window.admit('tenant');
    left.push(clock.now());
    clock.at += 10;
  }
  // Three leave at their times; the fourth waits for the first to be a second old, and so on.
  expect(left).toEqual([0, 10, 20, 1000, 1010, 1020, 2000]);
  for (const at of left)
    expect(left.filter((other) => other > at - 1000 && other <= at).length).toBeLessThanOrEqual(3);
});

test('requests spaced at the pacing rate leave at once, and each tenant has its own window', async () => {
  const clock = steppingClock();
  const window = new SendWindow(50, clock, 1010);
  const late = [0, 5, 0, 30, 0];
  for (let i = 0; i < 200; i++) {
    clock.at = Math.max(clock.at, Math.round((i * 1000) / 49) + (late[i % late.length] as number));
    const before = clock.now();
    await window.admit(i % 2 === 0 ? 'city' : 'town');
    expect(clock.now()).toBe(before);
  }
});

test('a late send followed by one on time is held back just enough', async () => {
  const clock = steppingClock();
  const window = new SendWindow(2, clock, 1000);
  await window.admit('tenant'); // at 0, on time
  clock.at = 990; // the second of the pair was late…
  await window.admit('tenant');
  clock.at = 995; // …and the next is on time: it would make three within a second
  await window.admit('tenant');
  expect(clock.now()).toBe(1000);
});
