/** `discussion.savePreparation`: the employee's step is validated and saved as a draft, then the next card. */
import { savePreparationDraft } from '../../domain/development-discussion-lifecycle';
import type { CardActionHandler } from '../card-action';
import { parseLearningGoals } from '../card-inputs';
import type { CardsContext } from '../cards-context';
import { parsedAs, saveStep } from './save-step';

export function savePreparation(context: CardsContext): CardActionHandler {
  return saveStep(
    context,
    {
      ratings: (selfRatings) => ({ selfRatings }),
      // The employee proposes learning goals; their status is the supervisor's to record.
      goals: (inputs, request) =>
        parsedAs(parseLearningGoals(inputs, request.learningSlots, false), (proposedLearningGoals) => ({
          proposedLearningGoals,
        })),
      texts: (texts, discussion) => ({ preparation: { ...discussion.preparation, ...texts } }),
    },
    savePreparationDraft,
  );
}
