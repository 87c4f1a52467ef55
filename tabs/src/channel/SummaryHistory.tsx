import type { LocalisedText, PublishedSummary } from '../api/types';
import { CompetenceYearTable } from '../components/CompetenceYearTable';
import { EmptyState } from '../components/EmptyState';
import { useI18n } from '../i18n/I18nContext';

interface Means {
  self: number | null;
  supervisor: number | null;
}

/**
 * The area's means per competence by year, from its publications (figures not shown are left out); the year
 * before a publication, when not published itself, comes from that publication's year-over-year comparison.
 */
export function historyOf(publications: readonly PublishedSummary[]): {
  years: number[];
  competences: { id: string; name: LocalisedText; byYear: Map<number, Means> }[];
} {
  const competences = new Map<string, { id: string; name: LocalisedText; byYear: Map<number, Means> }>();
  const entry = (id: string, name: LocalisedText) => {
    const found = competences.get(id) ?? { id, name, byYear: new Map<number, Means>() };
    competences.set(id, found);
    return found;
  };
  const published = new Set(publications.map((p) => p.year));
  const add = (id: string, name: LocalisedText, year: number, means: Means) => {
    if (means.self !== null || means.supervisor !== null) entry(id, name).byYear.set(year, means);
  };
  for (const publication of [...publications].sort((a, b) => b.year - a.year)) {
    for (const competence of publication.figures.competences) {
      const { competenceId: id, name } = competence;
      add(id, name, publication.year, {
        self: competence.self?.mean ?? null,
        supervisor: competence.supervisor?.mean ?? null,
      });
      if (!published.has(publication.year - 1)) add(id, name, publication.year - 1, competence.previousYear);
    }
  }
  const years = [...new Set([...competences.values()].flatMap((c) => [...c.byYear.keys()]))].sort(
    (a, b) => a - b,
  );
  return { years, competences: [...competences.values()] };
}

/** Year over year: the self-assessment and supervisor's means of each competence, one column per year. */
export function SummaryHistory({ publications }: { publications: readonly PublishedSummary[] }) {
  const { t, formatNumber } = useI18n();
  const { years, competences } = historyOf(publications);
  if (years.length === 0) return <EmptyState text={t('channel.history.empty')} />;
  const mean = (value: number | null | undefined) =>
    value === null || value === undefined
      ? '–'
      : formatNumber(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    <CompetenceYearTable
      caption={t('channel.history.caption')}
      competenceHeader={t('channel.history.competence')}
      years={years}
      competences={competences}
      cell={(competenceId, year) => {
        const point = competences.find((c) => c.id === competenceId)?.byYear.get(year);
        return t('channel.history.cell', { self: mean(point?.self), supervisor: mean(point?.supervisor) });
      }}
    />
  );
}
