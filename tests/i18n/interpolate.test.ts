/**
 * One rule fills `{name}` in every catalogue of the bot and the tabs: a value replaces its placeholder, and a
 * placeholder without a value stays visible, so a reader sees that something is missing rather than "undefined".
 */
import { interpolate } from '../../bot/src/i18n/interpolate';
import { localisedText, translate } from '../../bot/src/i18n/translate';
import { API_MESSAGES } from '../../bot/src/http-kit/api-messages';
import { SUMMARY_TEXTS } from '../../bot/src/summaries/summary-texts';

test('fills every occurrence of each name, numbers included', () => {
  expect(interpolate('{team}: {count} / {count}', { team: 'Kotihoito', count: 3 })).toBe('Kotihoito: 3 / 3');
});

test('leaves a placeholder without a value (missing, null, or only inherited) as it is', () => {
  expect(interpolate('{a} {b} {constructor} {toString}', { b: null })).toBe(
    '{a} {b} {constructor} {toString}',
  );
});

test('the bot’s translator fills placeholders by this rule', () => {
  expect(translate('en', 'help.unknown', { text: 'hei' })).toBe('I did not recognise the message "hei".');
  expect(translate('en', 'help.unknown')).toBe('I did not recognise the message "{text}".');
});

test('a person missing from the organisation’s data reads the same words in chat, on cards and in the API', () => {
  const everywhere = localisedText('person.notLinked');
  expect(API_MESSAGES['auth.personNotFound']).toEqual(everywhere);
  expect(SUMMARY_TEXTS['notice.notLinked']).toEqual(everywhere);
  expect(everywhere.fi).toBe(translate('fi', 'person.notLinked'));
  expect(new Set([everywhere.fi, everywhere.sv, everywhere.en]).size).toBe(3);
});
