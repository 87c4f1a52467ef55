/** Goals (tavoitteet) and personal learning goals (oppimistavoitteet) of a development discussion. */
import {
  GOAL_STATUSES,
  LEARNING_WAYS,
  type Goal,
  type GoalStatus,
  type LearningGoal,
} from './development-discussion';
import { refuserFor, type Refuser } from './errors';
import { isValidId, MAX_GOAL_TEXT_LENGTH, MAX_GOALS, MAX_LEARNING_GOALS } from './content-limits';

export const GOAL_ERROR_CODES = [
  'goal.tooMany',
  'goal.invalidId',
  'goal.duplicateId',
  'goal.textRequired',
  'goal.textTooLong',
  'goal.invalidStatus',
  'goal.invalidWay',
  'goal.unknown',
] as const;
export type GoalErrorCode = (typeof GOAL_ERROR_CODES)[number];

const refuse: Refuser<GoalErrorCode> = refuserFor();

export interface GoalLists {
  goals: Goal[];
  learningGoals: LearningGoal[];
}

function checkStatus(status: GoalStatus): void {
  if (!(GOAL_STATUSES as readonly string[]).includes(status))
    refuse('goal.invalidStatus', 'Unknown goal status');
}

function checkedGoal<G extends Goal>(goal: G): G {
  if (!isValidId(goal.id)) refuse('goal.invalidId', 'A goal id must be short and without surrounding spaces');
  const text = goal.text.trim();
  if (!text) refuse('goal.textRequired', 'A goal needs a text');
  if (text.length > MAX_GOAL_TEXT_LENGTH) refuse('goal.textTooLong', 'A goal text is too long');
  checkStatus(goal.status);
  return { ...goal, text };
}

/**
 * The lists as they will be stored (texts trimmed), or a refusal. Ids are unique across both lists, because
 * follow-up finds a goal by its id alone.
 */
export function checkedGoalLists(lists: GoalLists): GoalLists {
  if (lists.goals.length > MAX_GOALS || lists.learningGoals.length > MAX_LEARNING_GOALS) {
    refuse('goal.tooMany', 'Too many goals');
  }
  const goals = lists.goals.map(checkedGoal);
  const learningGoals = lists.learningGoals.map((goal) => {
    if (!(LEARNING_WAYS as readonly string[]).includes(goal.way))
      refuse('goal.invalidWay', 'Unknown way of learning');
    return checkedGoal(goal);
  });
  const ids = [...goals, ...learningGoals].map((goal) => goal.id);
  if (new Set(ids).size !== ids.length) refuse('goal.duplicateId', 'Two goals share an id');
  return { goals, learningGoals };
}

/** The lists with one goal's follow-up status changed. */
export function withGoalStatus(lists: GoalLists, goalId: string, status: GoalStatus): GoalLists {
  checkStatus(status);
  const found = [...lists.goals, ...lists.learningGoals].some((goal) => goal.id === goalId);
  if (!found) refuse('goal.unknown', 'No such goal in this discussion');
  const update = <G extends Goal>(goal: G): G => (goal.id === goalId ? { ...goal, status } : goal);
  return { goals: lists.goals.map(update), learningGoals: lists.learningGoals.map(update) };
}
