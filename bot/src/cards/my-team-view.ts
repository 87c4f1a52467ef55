/**
 * A supervisor's reports and where each one's development discussion stands this cycle. One short row per
 * person, the whole row tappable, so that fifteen or more reports read well on a phone.
 */
import type { DevelopmentDiscussion, DiscussionStatus } from '../domain/development-discussion';
import type { Locale } from '../domain/locale';
import type { Person } from '../domain/organisation';
import { translate } from '../i18n/translate';
import type { MyTeamRowModel, TextColor } from './card-models';
import type { AdaptiveCard } from './card-rendering';
import { renderCard } from './card-templates';
import { VERBS } from './verbs';
import { cardText } from './card-text';

const STATUS_COLORS: Record<DiscussionStatus, TextColor> = {
  notScheduled: 'Attention',
  scheduled: 'Default',
  prepared: 'Accent',
  held: 'Warning',
  signed: 'Good',
};

export interface MyTeamEntry {
  person: Person;
  discussion: DevelopmentDiscussion | null;
}

export function renderMyTeamCard(
  locale: Locale,
  year: number,
  entries: MyTeamEntry[],
  hasMore: boolean,
): AdaptiveCard {
  const rows: MyTeamRowModel[] = entries.map(({ person, discussion }) => ({
    name: cardText(`${person.firstName} ${person.lastName}`),
    status: discussion
      ? translate(locale, `discussion.status.${discussion.status}`)
      : translate(locale, 'myTeam.notStarted'),
    color: discussion ? STATUS_COLORS[discussion.status] : 'Attention',
    openTitle: translate(locale, 'myTeam.open'),
    verb: VERBS.open,
    data: { employeeId: person.id, year, view: { kind: 'summary' } },
  }));
  const signed = entries.filter(({ discussion }) => discussion?.status === 'signed').length;
  return renderCard('myTeam', {
    title: translate(locale, 'myTeam.title', { year }),
    subtitle:
      entries.length === 0
        ? translate(locale, 'myTeam.noReports')
        : translate(locale, 'myTeam.subtitle', { signed, total: entries.length }),
    rows,
    more: hasMore ? translate(locale, 'myTeam.more', { count: entries.length }) : '',
  });
}
