/**
 * The wire contract of what every signed-in person reads about themselves: `GET /api/v1/me` and
 * `GET /api/v1/me/competence`. The service answers these shapes and the tabs read them through the same
 * declarations (`tabs/src/api/types.ts` re-exports them at build time), so the two cannot drift apart.
 * Pure types: only the domain is imported.
 */
import type { PhaseWindow } from '../domain/annual-clock';
import type { RatingScale } from '../domain/competence';
import type { DevelopmentDiscussion, Goal, LearningGoal } from '../domain/development-discussion';
import type { YearConversations } from '../domain/discussion-year-rules';
import type { Locale, LocalisedText } from '../domain/locale';
import type { Role } from '../domain/organisation';

/** `GET /api/v1/me`: who is signed in, their roles, language and place in the organisation. */
export interface Me {
  tenantId: string;
  person: {
    id: string;
    firstName: string;
    lastName: string;
    roles: Role[];
    locale: Locale;
    serviceAreaId: string;
    teamId: string;
  };
}

export interface MyDiscussion {
  year: number;
  status: DevelopmentDiscussion['status'];
  scheduledAt: string | null;
  supervisorName: string | null;
  goals: Goal[];
  learningGoals: LearningGoal[];
  updatedAt: string;
}

export interface RatingPoint {
  year: number;
  self: number | null;
  supervisor: number | null;
}

export interface CompetenceSeries {
  id: string;
  name: LocalisedText;
  points: RatingPoint[];
}

export interface UpcomingItem {
  phaseId: string;
  kind: PhaseWindow['kind'];
  level: PhaseWindow['level'];
  opens: string;
  closes: string;
  /** The caller's own meeting in this window, when scheduled. */
  meetingAt: string | null;
}

/** `GET /api/v1/me/competence`: the person's round, discussions, ratings over the years and what comes next. */
export interface MyCompetence {
  roundYear: number;
  conversations: YearConversations;
  discussions: MyDiscussion[];
  competences: CompetenceSeries[];
  scale: Pick<RatingScale, 'min' | 'max' | 'labels'>;
  upcoming: UpcomingItem[];
}

/** `GET`/`PUT /api/v1/me/language`: the person's own choice of language, as the personal tab shows it. */
export interface LanguageChoiceView {
  /** Null: the person has not chosen; their HR record's language applies. */
  chosen: Locale | null;
  record: Locale;
  effective: Locale;
  etag: string | null;
}
