/**
 * What "conforms" means for a card the bot sends, checked against Microsoft's own references
 * (tests/cards/reference/README.md): the Adaptive Cards 1.5 JSON schema, the `adaptivecards` SDK's parser and
 * validator, Teams' message size limit, and Teams' light, dark and high-contrast host configs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';
import { teamsHighContrastTheme } from '@fluentui/tokens';

type Json = Record<string, unknown>;

const REFERENCE = join(__dirname, 'reference');
/** Teams' host configs live with the tabs, whose card previews render with them. */
const HOST_CONFIGS = join(__dirname, '../../tabs/src/cards');
const readJson = (name: string, dir = REFERENCE): Json =>
  JSON.parse(readFileSync(join(dir, name), 'utf8')) as Json;

/**
 * Teams refuses a bot message over its size limit with 413 MessageSizeTooBig, counting "the entire message payload
 * encoded as UTF-16" ("Format your bot messages", learn.microsoft.com/microsoftteams/platform/bots/how-to/
 * format-your-bot-messages). The limit Microsoft names there has changed over the years (28, 40, 100 KB); we hold the
 * cards to the smallest, 28 KB, which is also what Teams' Workflows connector allows for a posted card.
 */
export const TEAMS_MESSAGE_LIMIT_BYTES = 28 * 1024;

/** WCAG 2.1 success criterion 1.4.3 (contrast, minimum) for normal-size text. */
export const MIN_TEXT_CONTRAST = 4.5;

let validateSchema: ValidateFunction | null = null;

function schemaValidator(): ValidateFunction {
  if (validateSchema) return validateSchema;
  // The 1.5 schema is draft-06 and names itself with `id`, which ajv 8 reads as `$id`.
  const { id, ...schema } = readJson('adaptive-card-1.5.schema.json');
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(draft06);
  addFormats(ajv);
  validateSchema = ajv.compile({ ...schema, $id: String(id) });
  return validateSchema;
}

function* walk(node: unknown, path = '$'): Generator<{ node: Json; path: string }> {
  if (Array.isArray(node)) {
    for (const [index, item] of node.entries()) yield* walk(item, `${path}[${index}]`);
  } else if (node && typeof node === 'object') {
    yield { node: node as Json, path };
    for (const [key, value] of Object.entries(node)) yield* walk(value, `${path}.${key}`);
  }
}

function schemaProblems(card: Json): string[] {
  const validate = schemaValidator();
  if (validate(card)) return [];
  // The schema's anyOf over every element type makes ajv report each alternative; the deepest paths say what broke.
  const errors = validate.errors ?? [];
  const deepest = Math.max(...errors.map((error) => error.instancePath.split('/').length));
  const relevant = errors.filter((error) => error.instancePath.split('/').length >= deepest - 1);
  return [...new Set(relevant.map((error) => `schema: ${error.instancePath || '/'} ${error.message ?? ''}`))];
}

/** The SDK's parse and validation events: Teams' web and desktop clients render with this SDK. */
function sdkProblems(card: Json): string[] {
  // The package's `lib` is ES modules without file extensions; its UMD build loads in Node.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const AC = require('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  context.targetVersion = AC.Versions.v1_5;
  parsed.parse(card, context);
  const messages: string[] = [];
  for (let index = 0; index < context.eventCount; index++) {
    messages.push(`sdk parse: ${context.getEventAt(index).message}`);
  }
  for (const event of parsed.validateProperties().validationEvents) messages.push(`sdk: ${event.message}`);
  return messages;
}

function inputProblems(card: Json): string[] {
  const problems: string[] = [];
  for (const { node, path } of walk(card)) {
    if (typeof node.type === 'string' && node.type.startsWith('Input.')) {
      if (typeof node.label !== 'string' || node.label.trim() === '') {
        problems.push(`input without a label (a screen reader cannot name it): ${path} ${String(node.id)}`);
      }
    }
    if (node.type === 'Input.ChoiceSet' && Array.isArray(node.choices)) {
      for (const choice of node.choices as Json[]) {
        if (!String(choice.title ?? '').trim() || !String(choice.value ?? '').trim()) {
          problems.push(`blank choice (shows as an empty option): ${path}`);
        }
      }
    }
  }
  return problems;
}

/**
 * Teams renders every Adaptive Card action in its default style: "positive" and "destructive" are not rendered
 * (Microsoft's answer in MicrosoftDocs/msteams-docs#6307 and #9837: "Currently this feature is not supported";
 * the Teams docs' card-actions page points to the Teams-specific rendering). A style that Teams ignores only
 * makes the card look different in other hosts, so the cards use none.
 */
function actionProblems(card: Json): string[] {
  const problems: string[] = [];
  for (const { node, path } of walk(card)) {
    if (typeof node.type === 'string' && node.type.startsWith('Action.') && 'style' in node) {
      if (node.style !== undefined && node.style !== 'default') {
        problems.push(`action style "${String(node.style)}" (Teams does not render it): ${path}`);
      }
    }
  }
  if ('refresh' in card && (card.refresh === null || typeof card.refresh !== 'object')) {
    problems.push('"refresh" is not an object (the 1.5 schema allows an object or nothing)');
  }
  return problems;
}

interface ThemeColors {
  name: string;
  /** Container style → background and foreground colours (`#AARRGGBB` or `#RRGGBB`). */
  styles: Record<
    string,
    { backgroundColor: string; foregroundColors: Record<string, { default: string; subtle: string }> }
  >;
}

function hostConfigTheme(name: string, file: string): ThemeColors {
  const config = readJson(file, HOST_CONFIGS) as { containerStyles: ThemeColors['styles'] };
  return { name, styles: config.containerStyles };
}

/** Teams' high-contrast theme as Fluent UI defines it: every text colour on every background. */
function highContrastTheme(): ThemeColors {
  const theme = teamsHighContrastTheme;
  const text = (color: string) => ({ default: color, subtle: theme.colorNeutralForeground2 });
  const foregroundColors = {
    default: text(theme.colorNeutralForeground1),
    accent: text(theme.colorBrandForeground1),
    good: text(theme.colorPaletteGreenForeground1),
    warning: text(theme.colorPaletteYellowForeground1),
    attention: text(theme.colorPaletteRedForeground1),
    light: text(theme.colorNeutralForeground1),
    dark: text(theme.colorNeutralForeground1),
  };
  const style = (backgroundColor: string) => ({ backgroundColor, foregroundColors });
  return {
    name: 'high contrast',
    styles: {
      default: style(theme.colorNeutralBackground1),
      emphasis: style(theme.colorNeutralBackground2),
      accent: style(theme.colorBrandBackground2),
      good: style(theme.colorPaletteGreenBackground1),
      attention: style(theme.colorPaletteRedBackground1),
      warning: style(theme.colorPaletteYellowBackground1),
    },
  };
}

let themes: ThemeColors[] | null = null;

export function teamsThemes(): ThemeColors[] {
  themes ??= [
    hostConfigTheme('light', 'microsoft-teams-light.hostconfig.json'),
    hostConfigTheme('dark', 'microsoft-teams-dark.hostconfig.json'),
    highContrastTheme(),
  ];
  return themes;
}

function rgba(hex: string): { rgb: number[]; alpha: number } {
  const digits = hex.replace('#', '');
  const alpha = digits.length === 8 ? parseInt(digits.slice(0, 2), 16) / 255 : 1;
  const rgb = digits
    .slice(-6)
    .match(/../g)!
    .map((pair) => parseInt(pair, 16) / 255);
  return { rgb, alpha };
}

function luminance(rgb: number[]): number {
  const [r, g, b] = rgb.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio of a (possibly translucent) text colour drawn on an opaque background. */
export function contrast(foreground: string, background: string): number {
  const fg = rgba(foreground);
  const bg = rgba(background).rgb;
  const drawn = fg.rgb.map((channel, index) => fg.alpha * channel + (1 - fg.alpha) * bg[index]!);
  const [light, dark] = [luminance(drawn), luminance(bg)].sort((a, b) => b - a);
  return (light! + 0.05) / (dark! + 0.05);
}

const TEXT_TYPES = new Set(['TextBlock', 'TextRun']);

/** Every text's colour against the background of the container it is in, in each Teams theme. */
function colourProblems(card: Json): string[] {
  const problems: string[] = [];
  const visit = (node: unknown, style: string, path: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, style, `${path}[${index}]`));
      return;
    }
    if (!node || typeof node !== 'object') return;
    const element = node as Json;
    const inner =
      typeof element.style === 'string' && !String(element.type).startsWith('Action.')
        ? element.style.toLowerCase()
        : style;
    if (TEXT_TYPES.has(String(element.type))) {
      const color = String(element.color ?? 'Default').toLowerCase();
      const subtle = element.isSubtle === true;
      for (const theme of teamsThemes()) {
        const container = theme.styles[inner] ?? theme.styles.default!;
        const foreground = container.foregroundColors[color] ?? container.foregroundColors.default!;
        const ratio = contrast(subtle ? foreground.subtle : foreground.default, container.backgroundColor);
        if (ratio < MIN_TEXT_CONTRAST) {
          problems.push(
            `unreadable text in Teams' ${theme.name} theme: ${color}${subtle ? ' (subtle)' : ''} on ${inner} ` +
              `has contrast ${ratio.toFixed(2)} < ${MIN_TEXT_CONTRAST}: ${path} "${String(element.text).slice(0, 40)}"`,
          );
        }
      }
    }
    for (const [key, value] of Object.entries(element)) {
      if (key !== 'style') visit(value, inner, `${path}.${key}`);
    }
  };
  visit(card.body ?? [], 'default', '$.body');
  return problems;
}

/** The message Teams would carry the card in: a reply or proactive message, or the card an invoke answers with. */
export function asMessage(cardOrActivity: Json): { activity: Json; cards: Json[] } {
  if (cardOrActivity.type === 'AdaptiveCard') {
    return {
      activity: {
        type: 'message',
        attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: cardOrActivity }],
      },
      cards: [cardOrActivity],
    };
  }
  const attachments = (cardOrActivity.attachments ?? []) as Json[];
  return {
    activity: cardOrActivity,
    cards: attachments
      .filter((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive')
      .map((attachment) => attachment.content as Json),
  };
}

/** UTF-16 bytes, as Teams counts a message's size: two per UTF-16 code unit. */
export const teamsMessageBytes = (activity: Json): number => JSON.stringify(activity).length * 2;

/** Every way the card (or the message carrying it) fails to conform; empty when it conforms. */
export function conformanceProblems(cardOrActivity: Json): string[] {
  const { activity, cards } = asMessage(cardOrActivity);
  const problems: string[] = [];
  if (cards.length === 0) problems.push('no Adaptive Card in the message');
  const bytes = teamsMessageBytes(activity);
  if (bytes > TEAMS_MESSAGE_LIMIT_BYTES) {
    problems.push(`message is ${bytes} bytes as Teams counts it (UTF-16), over ${TEAMS_MESSAGE_LIMIT_BYTES}`);
  }
  for (const card of cards) {
    problems.push(
      ...schemaProblems(card),
      ...sdkProblems(card),
      ...inputProblems(card),
      ...actionProblems(card),
      ...colourProblems(card),
    );
  }
  return problems;
}
