import { defaultMeetingDay, mayMarkHeld, meetingTimeProblem } from '../../bot/src/domain/meeting-rules';

const round2027 = { windows: [{ opens: '2027-01-01', closes: '2027-03-31' }], holdsDiscussion: true };
/** Monday 7 December 2026, in the planning season before the 2027 round. */
const NOW = new Date('2026-12-07T10:00:00Z');

describe('when a development discussion’s meeting may be', () => {
  it('accepts a time in the round’s window', () => {
    expect(meetingTimeProblem(new Date('2027-02-10T07:00:00Z'), NOW, round2027)).toBeNull();
  });

  it('refuses a past time, even one on the window’s dates of another year (a 2027 discussion in 2020)', () => {
    expect(meetingTimeProblem(new Date('2020-01-01T01:00:00Z'), NOW, round2027)).toBe('meeting.inPast');
  });

  it('refuses a future time outside the window, judged by the Finnish calendar day', () => {
    expect(meetingTimeProblem(new Date('2026-12-08T07:00:00Z'), NOW, round2027)).toBe(
      'meeting.outsideWindow',
    );
    // 31 March 23:30 in Helsinki is still inside; 00:30 on 1 April is not.
    expect(meetingTimeProblem(new Date('2027-03-31T20:30:00Z'), NOW, round2027)).toBeNull();
    expect(meetingTimeProblem(new Date('2027-03-31T21:30:00Z'), NOW, round2027)).toBe(
      'meeting.outsideWindow',
    );
  });

  it('refuses any time in a year the person has no development discussion (alternating-year model)', () => {
    const off = { ...round2027, holdsDiscussion: false };
    expect(meetingTimeProblem(new Date('2027-02-10T07:00:00Z'), NOW, off)).toBe(
      'meeting.noDiscussionThisYear',
    );
  });
});

describe('the day a new meeting is first proposed on', () => {
  it('is the window’s first weekday when the window is still ahead', () => {
    // 1 January 2027 is a Friday.
    expect(defaultMeetingDay(round2027, NOW)).toBe('2027-01-01');
    const fromSaturday = { windows: [{ opens: '2027-01-02', closes: '2027-03-31' }] };
    expect(defaultMeetingDay(fromSaturday, NOW)).toBe('2027-01-04');
  });

  it('is the next weekday from tomorrow inside an open window, and never a refused one', () => {
    const friday = new Date('2027-02-12T10:00:00Z');
    const day = defaultMeetingDay(round2027, friday);
    expect(day).toBe('2027-02-15');
    expect(meetingTimeProblem(new Date(`${day}T07:00:00Z`), friday, round2027)).toBeNull();
  });

  it('is none once the window has closed', () => {
    expect(defaultMeetingDay(round2027, new Date('2027-03-31T10:00:00Z'))).toBeNull();
  });
});

describe('marking a discussion held', () => {
  const meeting = '2027-02-10T07:00:00.000Z';

  it('is possible on the meeting day and after it, in Finnish time', () => {
    expect(mayMarkHeld(meeting, new Date('2027-02-09T22:00:00Z'))).toBe(true);
    expect(mayMarkHeld(meeting, new Date('2027-03-01T10:00:00Z'))).toBe(true);
  });

  it('is not possible before the meeting day, nor without a meeting', () => {
    expect(mayMarkHeld(meeting, new Date('2027-02-09T21:59:00Z'))).toBe(false);
    expect(mayMarkHeld(null, new Date('2027-02-10T10:00:00Z'))).toBe(false);
  });
});
