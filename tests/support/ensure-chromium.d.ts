/** Types of ensure-chromium.js (plain CommonJS, so that `npm test`'s pretest runs before any build). */
export interface MachineFacts {
  chromiumPresent: boolean;
  isRoot: boolean;
  hasAptGet: boolean;
}
export function decide(facts: MachineFacts): { action: 'ready' | 'install' | 'stop' };
export function ensureChromium(io: {
  probe(): MachineFacts;
  exec(argv: string[]): number;
  log(line: string): void;
}): number;
export const CHROMIUM: string;
export const MANUAL_COMMAND: string;
