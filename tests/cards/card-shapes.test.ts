/**
 * A step of the discussion form is expanded once per shape and then filled in with the card's own values
 * (shapedCardTemplate, bot/src/cards/card-rendering.ts). What a person sees must not depend on that: every step
 * card, in each language, for each party, refused or after a conflict, is exactly the card its template expands
 * to from the same model, whichever cards of the same shape were made before it.
 */
import { cardTemplate } from '../../bot/src/cards/card-rendering';
import { renderCard } from '../../bot/src/cards/card-templates';
import type { DiscussionViewer, ViewExtras } from '../../bot/src/cards/discussion-viewer';
import { stepCardModel } from '../../bot/src/cards/step-view';
import discussionStep from '../../bot/src/cards/templates/discussion-step.json';
import { stepsOf } from '../../bot/src/domain/discussion-steps';
import { LOCALES, MARKUP_ATTACK, viewer } from './card-catalogue';

const expanded = cardTemplate(discussionStep);

/** The same discussion as another version: other texts, other ratings, another time and ETag. */
function anotherVersion(base: DiscussionViewer, round: number): DiscussionViewer {
  const value = base.record.value;
  return {
    ...base,
    otherName: `Toinen Henkilö ${round}`,
    record: {
      etag: `W/"datetime'2026-03-0${round}T10%3A00%3A00Z'"`,
      value: {
        ...value,
        preparation: {
          ...value.preparation,
          pastYearReview: `${MARKUP_ATTACK} kierros ${round}: \${title} ei ole lauseke`,
          wellbeing: round % 2 === 0 ? '' : 'Uusi järjestelmä otettiin käyttöön.',
        },
        supervisorNotes: { ...value.supervisorNotes, pastYearReview: `Muistiinpano ${round}` },
        goals: value.goals.map((goal) => ({ ...goal, text: `${goal.text} ${round}` })),
        updatedAt: `2026-03-0${round}T1${round}:2${round}:00.000Z`,
      },
    },
  };
}

const extrasOf = (round: number): ViewExtras[] => [
  {},
  { banner: { text: `Tallennettu ${round}`, color: 'Good' } },
  {
    banner: { text: 'Tarkista merkityt kohdat.', color: 'Attention' },
    errors: { s_pastYearReview: { key: 'cards.error.required' } },
    inputs: { s_pastYearReview: `Lähetetty teksti ${round}` },
    etag: `W/"lähetetty-${round}"`,
  },
  {
    banner: { text: 'Joku muu muutti tätä.', color: 'Warning' },
    unsaved: { s_pastYearReview: `Tallentamaton teksti ${round}`, s_wellbeing: '' },
  },
];

describe.each(LOCALES)('step cards in %s', (locale) => {
  test.each([
    ['employee', 'scheduled'],
    ['supervisor', 'prepared'],
    ['supervisor', 'held'],
  ] as const)('%s (%s): each step is the card its template expands to', (party, status) => {
    const base = viewer(locale, party, status);
    const steps = stepsOf(base.record.value).length;
    // Rounds 1-3 repeat the shapes of the first round with other values (round 2 empties one text).
    for (let round = 1; round <= 3; round++) {
      const version = anotherVersion(base, round);
      for (let step = 1; step <= steps; step++) {
        for (const extras of extrasOf(round)) {
          const model = stepCardModel(version, step, extras);
          expect(renderCard('discussionStep', model)).toStrictEqual(expanded(model));
        }
      }
    }
  });
});
