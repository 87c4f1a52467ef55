import { makeStyles, tokens } from '@fluentui/react-components';
import { AdaptiveCard, HostConfig } from 'adaptivecards';
import MarkdownIt from 'markdown-it';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { HostTheme } from '../teams/host';
import { teamsHostConfig } from './teamsHostConfig';

const useStyles = makeStyles({
  frame: {
    maxWidth: '32rem',
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
});

export interface CardPreviewProps {
  /** The Adaptive Card as the bot will send it. */
  card: object;
  /** Names the preview for a screen reader, e.g. "Preview of the card posted to the channel". */
  label: string;
}

/** Teams renders a TextBlock's Markdown; the SDK leaves that to its host. No HTML, as in Teams. */
const markdown = new MarkdownIt({ html: false, linkify: false, breaks: true });
AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = markdown.render(text);
  result.didProcess = true;
};

/** The page's Teams theme, read from the Fluent theme around the element (Teams' high contrast is black). */
function themeAround(element: HTMLElement): HostTheme {
  const background = getComputedStyle(element)
    .getPropertyValue('--colorNeutralBackground1')
    .trim()
    .toLowerCase();
  if (background === '#000000') return 'contrast';
  const [r, g, b] = (background.match(/[0-9a-f]{2}/g) ?? ['ff', 'ff', 'ff']).map((pair) =>
    parseInt(pair, 16),
  );
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! < 128 ? 'dark' : 'default';
}

/**
 * A card as Teams will show it, before it is posted: rendered by the `adaptivecards` SDK (which Teams' web and
 * desktop clients render with) with Teams' host config for the current theme. Its buttons do nothing here.
 */
export function CardPreview({ card, label }: CardPreviewProps) {
  const styles = useStyles();
  const host = useRef<HTMLDivElement>(null);
  const [theme, setTheme] = useState<HostTheme>('default');

  useLayoutEffect(() => {
    if (host.current) setTheme(themeAround(host.current));
  });

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const adaptive = new AdaptiveCard();
    adaptive.hostConfig = new HostConfig(teamsHostConfig(theme));
    adaptive.onExecuteAction = () => undefined;
    adaptive.parse(card);
    const rendered = adaptive.render();
    element.replaceChildren(...(rendered ? [rendered] : []));
    return () => element.replaceChildren();
  }, [card, theme]);

  const background = teamsHostConfig(theme).containerStyles.default.backgroundColor;
  return (
    <div
      role="figure"
      aria-label={label}
      className={styles.frame}
      style={{ backgroundColor: background.length === 9 ? `#${background.slice(3)}` : background }}
      ref={host}
      data-card-preview={theme}
    />
  );
}
