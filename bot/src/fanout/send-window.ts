/**
 * The last guard before a request leaves: at most `limit` requests of a tenant from this process in any window
 * of `windowMs`, measured when each one leaves. The shared rate (tenant-rate-limiter.ts) spaces send times
 * 1/rate apart, but a send that leaves a few ms late (a busy event loop, a slow lease write) and the next one on
 * time are closer than that; at a rate just under Teams' ceiling such a pair would put one request too many
 * into Teams' one-second window and draw a 429. Here that request waits the few ms instead.
 */
import { FANOUT_SEND_WINDOW_MARGIN_MS } from '../tunables';
import type { PacingClock } from './pacing-clock';

export class SendWindow {
  /** Per tenant, the times this process's last requests left, oldest first; never more than `limit`. */
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly clock: PacingClock,
    private readonly windowMs = 1000 + FANOUT_SEND_WINDOW_MARGIN_MS,
  ) {}

  /** Waits until one more request of the tenant fits, and counts it as leaving now. */
  async admit(tenantId: string, signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      const times = (this.recent.get(tenantId) ?? []).filter((at) => at > now - this.windowMs);
      if (times.length < this.limit || signal?.aborted) {
        times.push(now);
        this.recent.set(tenantId, times.slice(-this.limit));
        return;
      }
      this.recent.set(tenantId, times);
      await this.clock.sleep((times[0] as number) + this.windowMs - now, signal);
    }
  }
}
