/**
 * The group discussion card. Posted in a channel, it first shows only its title: Teams then refreshes it for
 * each viewer (Universal Actions), so the team's members see the contributions with their authors' names and
 * anyone else in the channel sees nothing of them. The chair also gets the conclusions form.
 */
import { THEME_TEXTS } from '../i18n/group-themes';
import { MAX_CONCLUSION_LENGTH, MAX_CONTRIBUTION_LENGTH } from '../domain/content-limits';
import { GROUP_THEMES, type GroupCompetenceDiscussion, type GroupTheme } from '../domain/group-discussion';
import type { Locale } from '../domain/locale';
import type { TeamKind } from '../domain/organisation';
import type { StrategicDiscussion } from '../storage/strategic-discussion-repository';
import { cardTemplate, type AdaptiveCard } from '../cards/card-rendering';
import { localised, translator } from '../cards/localised';
import { GROUP_DISCUSSION_TEXTS, type GroupDiscussionTextKey } from './group-discussion-texts';
import discussionTemplate from './templates/group-discussion.json';
import teamChoiceTemplate from './templates/team-choice.json';
import { cardText } from '../cards/card-text';

export const GROUP_DISCUSSION_VERBS = {
  open: 'groupDiscussion.open',
  show: 'groupDiscussion.show',
  contribute: 'groupDiscussion.contribute',
  saveConclusions: 'groupDiscussion.saveConclusions',
  conclude: 'groupDiscussion.conclude',
  reopen: 'groupDiscussion.reopen',
} as const;

export const contributionInputId = (theme: GroupTheme): string => `t_${theme}`;
export const conclusionInputId = (theme: GroupTheme): string => `k_${theme}`;

type Color = 'Default' | 'Good' | 'Warning' | 'Attention' | 'Accent';

interface ActionModel {
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

interface RefreshModel {
  action: { type: 'Action.Execute'; title: string; verb: string; data: Record<string, unknown> };
  userIds: string[];
}

const renderDiscussion = cardTemplate<{
  refresh: RefreshModel | null;
  title: string;
  status: string;
  notice: string;
  noticeColor: Color;
  intro: string;
  guidelinesTitle: string;
  themes: Array<{
    label: string;
    guideline: string;
    contributions: string;
    conclusion: string;
    inputId: string;
    inputLabel: string;
    placeholder: string;
    maxLength: number;
  }>;
  conclusionInputs: Array<{ id: string; label: string; value: string; maxLength: number }>;
  actions: ActionModel[];
}>(discussionTemplate);

const renderTeamChoice = cardTemplate<{
  title: string;
  teams: Array<{ name: string; verb: string; data: Record<string, unknown> }>;
}>(teamChoiceTemplate);

export interface GroupNotice {
  key: GroupDiscussionTextKey;
  color: Color;
}

export interface DiscussionView {
  discussion: GroupCompetenceDiscussion;
  teamName: string;
  /** Management teams and the principals' / daycare directors' teams discuss from two viewpoints. */
  teamKind: TeamKind | null;
  /** Person id → "First Last", for the chair and the contributions' authors. */
  names: ReadonlyMap<string, string>;
  /** The strategic discussion whose guidelines cascade to this round, if it was shared. */
  guidelines: StrategicDiscussion | null;
  viewer: 'chair' | 'member';
  /** Teams user ids of the members, for the card's automatic refresh. */
  userIds: string[];
}

const VIEWPOINTS: Partial<Record<TeamKind, GroupDiscussionTextKey>> = {
  serviceAreaManagementTeam: 'viewpoint.serviceAreaManagementTeam',
  cityManagementTeam: 'viewpoint.cityManagementTeam',
  principals: 'viewpoint.leaders',
  daycareDirectors: 'viewpoint.leaders',
};

const refOf = (discussion: GroupCompetenceDiscussion): Record<string, unknown> => ({
  year: discussion.year,
  id: discussion.id,
});

function refresh(discussion: GroupCompetenceDiscussion, locale: Locale, userIds: string[]): RefreshModel {
  return {
    action: {
      type: 'Action.Execute',
      title: translator(GROUP_DISCUSSION_TEXTS, locale)('action.refresh'),
      verb: GROUP_DISCUSSION_VERBS.show,
      data: refOf(discussion),
    },
    userIds,
  };
}

/** What everyone in the channel sees until their own view loads: the title, no contents. */
export function discussionShell(
  locale: Locale,
  discussion: GroupCompetenceDiscussion,
  teamName: string,
  userIds: string[],
  notice: GroupNotice | null = null,
): AdaptiveCard {
  const t = translator(GROUP_DISCUSSION_TEXTS, locale);
  return renderDiscussion({
    refresh: refresh(discussion, locale, userIds),
    title: t('title', { year: discussion.year, team: teamName }),
    status: '',
    notice: notice ? t(notice.key) : '',
    noticeColor: notice?.color ?? 'Default',
    intro: t('intro'),
    guidelinesTitle: '',
    themes: [],
    conclusionInputs: [],
    actions: [
      {
        title: t('action.refresh'),
        verb: GROUP_DISCUSSION_VERBS.show,
        data: refOf(discussion),
      },
    ],
  });
}

export function discussionCard(
  locale: Locale,
  view: DiscussionView,
  notice: GroupNotice | null,
): AdaptiveCard {
  const t = translator(GROUP_DISCUSSION_TEXTS, locale);
  const { discussion, guidelines } = view;
  const open = discussion.status === 'open';
  const chair = view.viewer === 'chair';
  const nameOf = (id: string) => cardText(view.names.get(id) ?? '');
  const viewpoint = view.teamKind ? VIEWPOINTS[view.teamKind] : undefined;
  const data = refOf(discussion);
  const action = (key: GroupDiscussionTextKey, verb: string) => ({ title: t(key), verb, data });
  const actions: ActionModel[] = [
    ...(open ? [action('action.contribute', GROUP_DISCUSSION_VERBS.contribute)] : []),
    ...(chair && open
      ? [
          action('action.saveConclusions', GROUP_DISCUSSION_VERBS.saveConclusions),
          action('action.conclude', GROUP_DISCUSSION_VERBS.conclude),
        ]
      : []),
    ...(chair && !open ? [action('action.reopen', GROUP_DISCUSSION_VERBS.reopen)] : []),
    action('action.refresh', GROUP_DISCUSSION_VERBS.show),
  ];
  return renderDiscussion({
    refresh: refresh(discussion, locale, view.userIds),
    title: t('title', { year: discussion.year, team: view.teamName }),
    status: t(open ? 'status.open' : 'status.concluded', { chair: nameOf(discussion.chairId) }),
    notice: notice ? t(notice.key) : '',
    noticeColor: notice?.color ?? 'Default',
    intro: viewpoint ? `${t(viewpoint)} ${t('intro')}` : t('intro'),
    guidelinesTitle: guidelines ? t('guidelinesTitle', { year: guidelines.year }) : '',
    themes: GROUP_THEMES.map((theme) => {
      const contributions = discussion.contributions.filter((contribution) => contribution.theme === theme);
      const guideline = guidelines?.themes[theme];
      const conclusion = discussion.conclusions[theme];
      return {
        label: localised(THEME_TEXTS[theme], locale),
        guideline: guideline ? t('guideline', { text: cardText(guideline) }) : '',
        contributions:
          contributions.length === 0
            ? t('noContributions')
            : contributions
                .map((contribution) => `- ${cardText(contribution.text)} (${nameOf(contribution.authorId)})`)
                .join('\n'),
        conclusion: conclusion ? t('conclusion', { text: cardText(conclusion) }) : '',
        inputId: open ? contributionInputId(theme) : '',
        inputLabel: t('contributionLabel', { theme: localised(THEME_TEXTS[theme], locale) }),
        placeholder: t('contributionPlaceholder', { max: MAX_CONTRIBUTION_LENGTH }),
        maxLength: MAX_CONTRIBUTION_LENGTH,
      };
    }),
    conclusionInputs:
      chair && open
        ? GROUP_THEMES.map((theme) => ({
            id: conclusionInputId(theme),
            label: t('conclusionLabel', { theme: localised(THEME_TEXTS[theme], locale) }),
            value: discussion.conclusions[theme] ?? '',
            maxLength: MAX_CONCLUSION_LENGTH,
          }))
        : [],
    actions,
  });
}

/** For a supervisor of several teams: which team's discussion to open. */
export function teamChoiceCard(
  locale: Locale,
  year: number,
  teams: Array<{ id: string; name: string }>,
): AdaptiveCard {
  const t = translator(GROUP_DISCUSSION_TEXTS, locale);
  return renderTeamChoice({
    title: t('chooseTeam'),
    teams: teams.map((team) => ({
      name: team.name,
      verb: GROUP_DISCUSSION_VERBS.open,
      data: { year, teamId: team.id },
    })),
  });
}

/** A short card in place of the pressed one, e.g. a refusal. */
export function groupNoticeCard(locale: Locale, title: string, notice: GroupNotice): AdaptiveCard {
  const t = translator(GROUP_DISCUSSION_TEXTS, locale);
  return renderDiscussion({
    refresh: null,
    title,
    status: '',
    notice: t(notice.key),
    noticeColor: notice.color,
    intro: '',
    guidelinesTitle: '',
    themes: [],
    conclusionInputs: [],
    actions: [],
  });
}
