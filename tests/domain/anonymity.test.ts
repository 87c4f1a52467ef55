import { canShowGroup, raiseThreshold } from '../../bot/src/domain/anonymity';
import { refusalCode } from './fixtures';

describe('anonymity threshold', () => {
  it('shows a group only from the threshold up', () => {
    expect(canShowGroup(4, 5)).toBe(false);
    expect(canShowGroup(5, 5)).toBe(true);
    expect(canShowGroup(7, 8)).toBe(false);
  });

  it('never shows a group under five, whatever the stored threshold says', () => {
    expect(canShowGroup(3, 2)).toBe(false);
    expect(canShowGroup(0, 0)).toBe(false);
  });

  it('can be raised', () => {
    expect(raiseThreshold(5, 8)).toBe(8);
    expect(raiseThreshold(8, 8)).toBe(8);
  });

  it('cannot be lowered, go under five, or be a fraction', () => {
    expect(refusalCode(() => raiseThreshold(8, 6))).toBe('anonymity.cannotLower');
    expect(refusalCode(() => raiseThreshold(5, 4))).toBe('anonymity.invalidThreshold');
    expect(refusalCode(() => raiseThreshold(5, 6.5))).toBe('anonymity.invalidThreshold');
  });
});
