/** The app's features, in the order they are wired. */
import type { Feature } from './feature';
import { clockApiFeature } from './clock-api-feature';
import { apiAuthFeature } from './api-auth-feature';
import { tabsApiFeature } from './tabs-api-feature';
import { discussionCardsFeature } from './discussion-cards-feature';
import { summariesFeature } from './summaries-feature';
import { groupDiscussionsFeature } from './group-discussions-feature';
import { trainingPlansFeature } from './training-plans-feature';
import { strategyFeature } from './strategy-feature';
import { developmentActionsFeature } from './development-actions-feature';
import { privacyFeature } from './privacy-feature';
import { coachingFeature } from './coaching-feature';
import { remindersFeature } from './reminders-feature';
import { languageFeature } from './language-feature';

export const FEATURES: Feature[] = [
  apiAuthFeature,
  clockApiFeature,
  tabsApiFeature,
  discussionCardsFeature,
  summariesFeature,
  groupDiscussionsFeature,
  trainingPlansFeature,
  strategyFeature,
  developmentActionsFeature,
  privacyFeature,
  coachingFeature,
  remindersFeature,
  languageFeature,
];
