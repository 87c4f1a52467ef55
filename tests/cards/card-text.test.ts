/**
 * A person's text on a card shows as exactly what they wrote: no link, no bold, no list, no HTML. The Markdown
 * renderer here is markdown-it with linkify (CommonMark plus autolinks), the parser the `adaptivecards` SDK uses
 * for a TextBlock's text, and stricter than Teams' card Markdown, which supports a subset of it.
 */
import MarkdownIt from 'markdown-it';
import { cardText } from '../../bot/src/cards/card-text';
import { discussionCard } from '../../bot/src/group-discussions/group-discussion-view';
import { GROUP_THEMES, type GroupCompetenceDiscussion } from '../../bot/src/domain/group-discussion';
import { CARD_CATALOGUE, LOCALES, MARKUP_ATTACK } from './card-catalogue';

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

/** Tags the rendered text may have: paragraphs and line breaks, which carry no formatting. */
const PLAIN_TAGS = new Set(['p', '/p', 'br']);

function rendered(text: string): { tags: string[]; text: string } {
  const html = markdown.render(text);
  const tags = [...html.matchAll(/<\s*(\/?[a-z0-9]+)/gi)].map((match) => match[1]!.toLowerCase());
  const plain = html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  return { tags: tags.filter((tag) => !PLAIN_TAGS.has(tag)), text: plain };
}

/** What a reader sees, whitespace and invisible joiners aside. */
const visible = (text: string): string =>
  text
    .replace(/[\u2060\u200b]/g, '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const CORPUS: Array<[string, string]> = [
  ['the issue’s attack', '[Kirjaudu](https://evil.example/login) **kiireellinen**'],
  ['bold and italic', '**tärkeä** __myös__ *kursiivi* _kursiivi_ ***molemmat***'],
  ['strikethrough and code', '~~yliviivattu~~ `koodi` ```lohko```'],
  ['an image', '![kuva](https://evil.example/pixel.png)'],
  ['a reference link', '[Kirjaudu][1]\n\n[1]: https://evil.example/login'],
  ['bare addresses', 'Katso https://evil.example/login tai www.evil.fi tai evil.com/x'],
  ['an autolink and an e-mail', '<https://evil.example> ja tuki@evil.fi'],
  ['a protocol-relative address', 'katso //evil.example/x'],
  ['a list and a numbered list', '- yksi\n- kaksi\n* kolme\n+ neljä\n1. eka\n2) toka'],
  ['headings and quotes', '# Otsikko\n## Toinen\n> lainaus\nteksti\n---\nteksti\n==='],
  ['a table', '| a | b |\n|---|---|\n| 1 | 2 |'],
  ['an indented code block', '    koodia\n\tsisennetty'],
  ['a Teams mention', '<at>Tuija Suominen</at> katso tämä'],
  ['HTML', '<b>lihava</b> <a href="https://evil.example">linkki</a> <script>alert(1)</script> &amp; &lt;'],
  ['an entity', '&copy; &#169; &#x41;'],
  ['card functions', '{{DATE(2026-01-01T00:00:00Z, SHORT)}} ${title}'],
  ['backslashes', 'C:\\polku\\tiedosto \\*ei\\*'],
  ['Finnish and Swedish text', 'Äänestys: työhyvinvointi 3.5/5 – följ upp på mötet, 50 % (esim. kurssi)'],
  [
    'a very long word',
    'työterveyshuoltoyhteistyösopimusneuvottelukokousvalmisteluasiakirjaluonnos'.repeat(3),
  ],
];

describe('cardText: a person’s text shows as what they wrote', () => {
  test.each(CORPUS)('%s', (_name, text) => {
    const { tags, text: shown } = rendered(cardText(text));
    expect(tags).toEqual([]);
    expect(visible(shown)).toBe(visible(text));
  });

  test('the unescaped attack is markup (the corpus would catch a missing escape)', () => {
    expect(rendered('[Kirjaudu](https://evil.example/login) **kiireellinen**').tags).toEqual(
      expect.arrayContaining(['a', 'strong']),
    );
  });

  test('a very long word gets places to wrap, every 30 characters at most', () => {
    const word = 'a'.repeat(100);
    const chunks = cardText(word).split('\u200b');
    expect(chunks.length).toBeGreaterThan(1);
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThanOrEqual(30);
  });
});

type Json = Record<string, unknown>;

/** Every text a card renders as Markdown: TextBlocks' and facts' texts. */
function markdownTexts(card: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const element = node as Json;
      if (element.type === 'TextBlock' && typeof element.text === 'string') found.push(element.text);
      if (Array.isArray(element.facts)) {
        for (const fact of element.facts as Json[]) found.push(String(fact.title), String(fact.value));
      }
      Object.values(element).forEach(visit);
    }
  };
  visit(card);
  return found;
}

describe('the cards show people’s texts to others as data', () => {
  test.each(LOCALES)(
    'no card of the catalogue turns a person’s text into a link or formatting (%s)',
    (locale) => {
      const formatted: string[] = [];
      for (const entry of CARD_CATALOGUE) {
        for (const { name, card } of entry.cases?.(locale) ?? []) {
          for (const text of markdownTexts(card)) {
            const html = markdown.render(text);
            if (/<a\b|<(strong|em|code|img)>[^<]*(Kirjaudu|kiireellinen|Omakanta)/.test(html)) {
              formatted.push(`${entry.builder}: ${name}: ${html.trim()}`);
            }
          }
        }
      }
      expect(formatted).toEqual([]);
    },
  );

  test('contributions, conclusions and their authors’ names in the channel card', () => {
    const discussion: GroupCompetenceDiscussion = {
      tenantId: 't',
      id: 'team-1',
      year: 2026,
      level: 'team',
      teamId: 'team-1',
      serviceAreaId: 'sa',
      chairId: 'chair',
      status: 'concluded',
      contributions: GROUP_THEMES.map((theme, index) => ({
        id: `c${index}`,
        theme,
        text: MARKUP_ATTACK,
        authorId: 'author',
        at: '2026-02-01T08:00:00Z',
      })),
      conclusions: Object.fromEntries(GROUP_THEMES.map((theme) => [theme, MARKUP_ATTACK])),
      updatedAt: '2026-02-01T08:00:00Z',
    };
    const card = discussionCard(
      'fi',
      {
        discussion,
        teamName: 'Palkkapalvelut',
        teamKind: 'team',
        names: new Map([
          ['author', '[Tuija](https://evil.example) Suominen'],
          ['chair', 'Pasi Mäkinen'],
        ]),
        guidelines: null,
        viewer: 'member',
        userIds: [],
      },
      null,
    );
    const texts = markdownTexts(card);
    expect(texts.join('\n')).toContain('Kirjaudu');
    const html = texts.map((text) => markdown.render(text)).join('\n');
    expect(html).not.toMatch(/<a\b/);
    expect(html).not.toMatch(/<strong>kiireellinen/);
  });
});
