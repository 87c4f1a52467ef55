/**
 * The read-only summary of a discussion, each party's own view: the status, the meeting, what has been
 * written, the ratings side by side (differences highlighted), goals and reopenings, with the actions that
 * party has next (edit, submit, schedule, mark held, sign, reopen with a reason, follow up).
 */
import { assessedCompetences } from '../domain/assessment-rules';
import { MAX_REOPEN_REASON_LENGTH } from '../domain/content-limits';
import { DISCUSSION_SECTIONS, type DevelopmentDiscussion, type Goal } from '../domain/development-discussion';
import { defaultMeetingDay, mayMarkHeld } from '../domain/meeting-rules';
import { translate, type MessageKey } from '../i18n/translate';
import { inputIds } from './card-inputs';
import type {
  ActionModel,
  ReasonInputModel,
  ScheduleInputsModel,
  SummaryCardModel,
  SummaryEntry,
  SummaryPart,
} from './card-models';
import type { AdaptiveCard } from './card-rendering';
import { renderCard } from './card-templates';
import {
  action,
  cardRef,
  discussionTitle,
  fieldError,
  inputValue,
  preparationVisible,
  ratingText,
  refreshModel,
  supervisorPartVisible,
  type DiscussionViewer,
  type ViewExtras,
} from './discussion-viewer';
import { formatDateTime, formatWindows, localParts } from '../domain/organisation-time';

/** The time a proposed meeting day starts with; the supervisor changes it as they like. */
const DEFAULT_MEETING_TIME = '09:00';
import { VERBS } from './verbs';
import { cardText } from './card-text';

function sectionEntries(
  viewer: DiscussionViewer,
  texts: DevelopmentDiscussion['preparation'],
): SummaryEntry[] {
  return DISCUSSION_SECTIONS.flatMap((section) => {
    const text = texts[section];
    return text
      ? [
          {
            label: translate(viewer.locale, `cards.section.${section}`),
            text: cardText(text),
            color: 'Default',
          },
        ]
      : [];
  });
}

function part(
  viewer: DiscussionViewer,
  titleKey: Parameters<typeof translate>[1],
  entries: SummaryEntry[],
  hidden = false,
): SummaryPart {
  const { locale } = viewer;
  return {
    title: translate(locale, titleKey),
    empty: hidden
      ? translate(locale, 'cards.preparationNotShared')
      : entries.length === 0
        ? translate(locale, 'cards.nothingWritten')
        : '',
    entries: hidden ? [] : entries,
  };
}

function ratingEntries(viewer: DiscussionViewer): SummaryEntry[] {
  const { locale, framework } = viewer;
  const discussion = viewer.record.value;
  const showSelf = preparationVisible(viewer);
  const showSupervisor = supervisorPartVisible(viewer);
  return assessedCompetences(framework, discussion.includesSupervisorSection).map((competence) => {
    const self = discussion.selfRatings[competence.id];
    const supervisor = discussion.supervisorRatings[competence.id];
    const texts = [
      ...(showSelf ? [translate(locale, 'cards.rating.self', { rating: ratingText(viewer, self) })] : []),
      ...(showSupervisor
        ? [translate(locale, 'cards.rating.supervisor', { rating: ratingText(viewer, supervisor) })]
        : []),
    ];
    const differs =
      showSelf && showSupervisor && self !== undefined && supervisor !== undefined && self !== supervisor;
    if (differs) texts.push(translate(locale, 'cards.rating.differs'));
    return {
      label: competence.name[locale],
      text: texts.join(' · '),
      color: differs ? 'Warning' : 'Default',
    };
  });
}

function goalEntries(viewer: DiscussionViewer): SummaryEntry[] {
  const { locale } = viewer;
  const discussion = viewer.record.value;
  const status = (goal: Goal) => translate(locale, `cards.goalStatus.${goal.status}`);
  return [
    ...discussion.goals.map((goal) => ({
      label: translate(locale, 'cards.goal'),
      text: `${cardText(goal.text)} – ${status(goal)}`,
      color: 'Default' as const,
    })),
    ...discussion.learningGoals.map((goal) => ({
      label: translate(locale, 'cards.learningGoal', { way: translate(locale, `cards.way.${goal.way}`) }),
      text: `${cardText(goal.text)} – ${status(goal)}`,
      color: 'Default' as const,
    })),
  ];
}

function parts(viewer: DiscussionViewer): SummaryPart[] {
  const { locale } = viewer;
  const discussion = viewer.record.value;
  const prepared = preparationVisible(viewer);
  const recorded = supervisorPartVisible(viewer);
  const proposals = discussion.proposedLearningGoals.map((goal) => ({
    label: translate(locale, `cards.way.${goal.way}`),
    text: cardText(goal.text),
    color: 'Default' as const,
  }));
  const reopenings = discussion.reopenings.map((reopening) => ({
    label: formatDateTime(reopening.at, locale),
    text: cardText(reopening.reason),
    color: 'Default' as const,
  }));
  return [
    part(viewer, 'cards.part.preparation', sectionEntries(viewer, discussion.preparation), !prepared),
    part(viewer, 'cards.proposals', proposals, !prepared),
    part(viewer, 'cards.step.assessment', ratingEntries(viewer)),
    ...(recorded
      ? [
          part(viewer, 'cards.part.supervisorNotes', sectionEntries(viewer, discussion.supervisorNotes)),
          part(viewer, 'cards.part.goals', goalEntries(viewer)),
        ]
      : []),
    ...(reopenings.length > 0 ? [part(viewer, 'cards.part.reopenings', reopenings)] : []),
  ];
}

function signatureText(viewer: DiscussionViewer): string {
  const { locale } = viewer;
  const discussion = viewer.record.value;
  const signed = (at: string | undefined) =>
    at ? formatDateTime(at, locale) : translate(locale, 'cards.notSigned');
  return [
    `${translate(locale, 'cards.party.employee')}: ${signed(discussion.employeeSignature?.at)}`,
    `${translate(locale, 'cards.party.supervisor')}: ${signed(discussion.supervisorSignature?.at)}`,
  ].join(' · ');
}

function scheduleInputs(viewer: DiscussionViewer, extras: ViewExtras): ScheduleInputsModel | null {
  const discussion = viewer.record.value;
  if (
    viewer.party !== 'supervisor' ||
    !['notScheduled', 'scheduled', 'prepared'].includes(discussion.status)
  ) {
    return null;
  }
  const windows = viewer.meetingRound?.windows ?? [];
  const proposedDay = viewer.meetingRound ? defaultMeetingDay(viewer.meetingRound, viewer.now) : null;
  const current = discussion.scheduledAt
    ? localParts(new Date(discussion.scheduledAt))
    : { date: proposedDay ?? '', time: proposedDay ? DEFAULT_MEETING_TIME : '' };
  const window = formatWindows(windows, viewer.locale);
  return {
    window: window ? translate(viewer.locale, 'cards.meetingWindow', { window }) : '',
    dateMin: windows[0]?.opens ?? `${discussion.year}-01-01`,
    dateMax: windows.at(-1)?.closes ?? `${discussion.year}-12-31`,
    dateId: inputIds.meetingDate,
    dateLabel: translate(viewer.locale, 'cards.meetingDate'),
    date: inputValue(extras, inputIds.meetingDate, current.date),
    dateError: fieldError(viewer, extras, inputIds.meetingDate),
    timeId: inputIds.meetingTime,
    timeLabel: translate(viewer.locale, 'cards.meetingTime'),
    time: inputValue(extras, inputIds.meetingTime, current.time),
    timeError: fieldError(viewer, extras, inputIds.meetingTime),
  };
}

function reasonInput(viewer: DiscussionViewer, extras: ViewExtras): ReasonInputModel | null {
  if (viewer.party !== 'supervisor' || viewer.record.value.status !== 'signed') return null;
  return {
    id: inputIds.reopenReason,
    label: translate(viewer.locale, 'cards.limitedLabel', {
      label: translate(viewer.locale, 'cards.reopenReason'),
      max: MAX_REOPEN_REASON_LENGTH,
    }),
    maxLength: MAX_REOPEN_REASON_LENGTH,
    value: inputValue(extras, inputIds.reopenReason, ''),
    error: fieldError(viewer, extras, inputIds.reopenReason),
  };
}

function actions(viewer: DiscussionViewer, extras: ViewExtras): ActionModel[] {
  const { locale, party } = viewer;
  const discussion = viewer.record.value;
  const ref = cardRef(viewer, extras);
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  const signedByMe = party === 'employee' ? discussion.employeeSignature : discussion.supervisorSignature;
  const status = discussion.status;
  const list: ActionModel[] = [];
  if (status !== 'signed') {
    list.push(
      action(t(`cards.action.edit.${party}`), VERBS.open, { ...ref, view: { kind: 'step', step: 1 } }),
    );
  }
  if (party === 'employee' && status === 'scheduled') {
    list.push(action(t('cards.action.submit'), VERBS.submitPreparation, ref));
  }
  if (party === 'supervisor' && ['notScheduled', 'scheduled', 'prepared'].includes(status)) {
    list.push(action(t('cards.action.schedule'), VERBS.schedule, ref));
  }
  const meetingDayCome = mayMarkHeld(discussion.scheduledAt, viewer.now);
  if (party === 'supervisor' && (status === 'scheduled' || status === 'prepared') && meetingDayCome) {
    list.push(action(t('cards.action.markHeld'), VERBS.markHeld, ref));
  }
  if (status === 'held' && !signedByMe) list.push(action(t('cards.action.sign'), VERBS.sign, ref));
  if (status === 'signed' || status === 'held') {
    list.push(action(t('cards.action.followUp'), VERBS.openFollowUp, ref));
  }
  if (party === 'supervisor' && status === 'signed') {
    list.push(action(t('cards.action.sendFollowUp'), VERBS.sendFollowUp, ref));
    list.push(action(t('cards.action.reopen'), VERBS.reopen, ref));
  }
  return list;
}

/** What the viewer is asked to do next: after signing a held record, only the other party is awaited. */
function hintKey(viewer: DiscussionViewer): MessageKey {
  const { party } = viewer;
  const discussion = viewer.record.value;
  const signedByMe = party === 'employee' ? discussion.employeeSignature : discussion.supervisorSignature;
  if (discussion.status === 'held' && signedByMe) return `cards.hint.${party}.heldSignedByMe`;
  return `cards.hint.${party}.${discussion.status}`;
}

export function renderSummaryCard(viewer: DiscussionViewer, extras: ViewExtras): AdaptiveCard {
  const { locale, party } = viewer;
  const discussion = viewer.record.value;
  const model: SummaryCardModel = {
    refresh: refreshModel(viewer, { kind: 'summary' }),
    title: discussionTitle(viewer),
    banner: extras.banner ?? null,
    facts: [
      {
        title: translate(locale, 'cards.fact.status'),
        value: translate(locale, `discussion.status.${discussion.status}`),
      },
      {
        title: translate(locale, 'cards.fact.meeting'),
        value: discussion.scheduledAt
          ? formatDateTime(discussion.scheduledAt, locale)
          : translate(locale, 'cards.notScheduled'),
      },
      {
        title: translate(locale, party === 'employee' ? 'cards.party.supervisor' : 'cards.party.employee'),
        value: viewer.otherName,
      },
      { title: translate(locale, 'cards.fact.signatures'), value: signatureText(viewer) },
      { title: translate(locale, 'cards.fact.saved'), value: formatDateTime(discussion.updatedAt, locale) },
    ],
    hint: translate(locale, hintKey(viewer)),
    parts: parts(viewer),
    schedule: scheduleInputs(viewer, extras),
    reason: reasonInput(viewer, extras),
    actions: actions(viewer, extras),
  };
  return renderCard('discussionSummary', model);
}
