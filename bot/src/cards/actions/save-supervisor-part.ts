/** `discussion.saveSupervisorPart`: the supervisor's notes, ratings or goals of one step, validated and saved. */
import { recordSupervisorPart } from '../../domain/development-discussion-lifecycle';
import type { CardActionHandler } from '../card-action';
import { parseGoals, parseLearningGoals } from '../card-inputs';
import type { CardsContext } from '../cards-context';
import { saveStep } from './save-step';

export function saveSupervisorPart(context: CardsContext): CardActionHandler {
  return saveStep(
    context,
    {
      ratings: (ratings) => ({ ratings }),
      goals: (inputs, request) => {
        const goals = parseGoals(inputs, request.goalSlots);
        const learningGoals = parseLearningGoals(inputs, request.learningSlots, true);
        if (!goals.ok || !learningGoals.ok) {
          return {
            ok: false,
            errors: { ...(goals.ok ? {} : goals.errors), ...(learningGoals.ok ? {} : learningGoals.errors) },
          };
        }
        return { ok: true, value: { goals: goals.value, learningGoals: learningGoals.value } };
      },
      texts: (texts, discussion) => ({ notes: { ...discussion.supervisorNotes, ...texts } }),
    },
    recordSupervisorPart,
  );
}
