/** The retention rule: when a record's time starts, and when it is up. */
import {
  discussionRetentionStart,
  isPastRetention,
  lastYearToCheck,
  retentionCutoff,
} from '../../bot/src/domain/retention-policy';

const unsigned = {
  status: 'held' as const,
  employeeSignature: null,
  supervisorSignature: null,
  updatedAt: '2026-04-01T00:00:00.000Z',
};

describe('retention policy', () => {
  test('a signed discussion’s time starts at the later signature, an unsigned one’s at its last change', () => {
    expect(discussionRetentionStart(unsigned)).toBe('2026-04-01T00:00:00.000Z');
    expect(
      discussionRetentionStart({
        status: 'signed',
        employeeSignature: { personId: 'e', at: '2026-03-02T00:00:00.000Z' },
        supervisorSignature: { personId: 's', at: '2026-03-05T00:00:00.000Z' },
        // A follow-up after signing does not move the start.
        updatedAt: '2026-09-01T00:00:00.000Z',
      }),
    ).toBe('2026-03-05T00:00:00.000Z');
    // A signature left out of a held discussion does not count until it is signed.
    expect(
      discussionRetentionStart({
        ...unsigned,
        employeeSignature: { personId: 'e', at: '2026-03-01T00:00:00.000Z' },
      }),
    ).toBe('2026-04-01T00:00:00.000Z');
  });

  test('a record is past retention when its time started before the cutoff, whole years back', () => {
    const cutoff = retentionCutoff(new Date('2031-06-01T12:00:00Z'), 5);
    expect(cutoff.toISOString()).toBe('2026-06-01T12:00:00.000Z');
    expect(isPastRetention('2026-06-01T11:59:59.999Z', cutoff)).toBe(true);
    expect(isPastRetention('2026-06-01T12:00:00.000Z', cutoff)).toBe(false);
    expect(isPastRetention('not a date', cutoff)).toBe(false);
    expect(lastYearToCheck(cutoff)).toBe(2027);
  });
});
