import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '36rem',
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  text: { margin: 0, whiteSpace: 'pre-line', overflowWrap: 'anywhere' },
  title: { margin: 0, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  subtle: { margin: 0, color: tokens.colorNeutralForeground2 },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(6rem, max-content) 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
  },
  factTitle: { fontWeight: tokens.fontWeightSemibold },
  factValue: { margin: 0, whiteSpace: 'pre-line' },
  action: {
    alignSelf: 'flex-start',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

type Element = Record<string, unknown>;

const list = (value: unknown): Element[] =>
  Array.isArray(value)
    ? value.filter((item): item is Element => typeof item === 'object' && item !== null)
    : [];

/** Markdown's list dashes and emphasis as plain text: the preview shows what the card says, not its markup. */
const plain = (text: unknown): string => String(text ?? '').replace(/\*\*|__/g, '');

/**
 * A simple, read-only rendering of an Adaptive Card's text (TextBlocks, FactSets, containers and the titles of its
 * actions), so HR sees what the channel will get before publishing. Not a full renderer: layout is the page's.
 */
export function CardPreview({ card, label }: { card: Record<string, unknown>; label: string }) {
  const styles = useStyles();

  const render = (elements: Element[], path: string): ReactNode[] =>
    elements.map((element, index) => {
      const key = `${path}-${index}`;
      switch (element.type) {
        case 'TextBlock': {
          const heading =
            element.style === 'heading' || element.size === 'Large' || element.size === 'Medium';
          const className = heading ? styles.title : element.isSubtle ? styles.subtle : styles.text;
          return (
            <p key={key} className={className}>
              {plain(element.text)}
            </p>
          );
        }
        case 'FactSet':
          return (
            <dl key={key} className={styles.facts}>
              {list(element.facts).map((fact, factIndex) => (
                <div key={`${key}-${factIndex}`} style={{ display: 'contents' }}>
                  <dt className={styles.factTitle}>{plain(fact.title)}</dt>
                  <dd className={styles.factValue}>{plain(fact.value)}</dd>
                </div>
              ))}
            </dl>
          );
        case 'ColumnSet':
          return render(list(element.columns), key);
        case 'ActionSet':
          return render(
            list(element.actions).map((action) => ({ type: 'Action', title: action.title })),
            key,
          );
        case 'Action':
          return (
            <span key={key} className={styles.action}>
              {plain(element.title)}
            </span>
          );
        default:
          return render(list(element.items), key);
      }
    });

  const actions = list(card.actions).map((action) => ({ type: 'Action', title: action.title }));
  return (
    <div className={styles.card} role="group" aria-label={label}>
      {render(list(card.body), 'b')}
      {render(actions, 'a')}
    </div>
  );
}
