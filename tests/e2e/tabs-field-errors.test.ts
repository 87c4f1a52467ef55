/**
 * The tabs show the service's refusal of control and bidirectional-override characters next to the field it
 * names (`request.controlCharacters` with `details.fields`), not only in a general message: HR's summary
 * conclusions and the coaching questions, in headless Chromium against the real service, in Finnish, Swedish
 * and English; the field's error is what a screen reader reads after its label, it goes when the field is
 * edited, and nothing is stored. Needs `npm run build -w tabs`.
 */
import type { Locator, Page } from 'playwright-core';
import { generateDemoMunicipality } from '../../bot/src/organisation-data/demo-municipality';
import { organisationYear } from '../../bot/src/domain/organisation-time';
import { axeViolations, useDemoTabs } from './tabs-browser';

const NOW = new Date('2026-11-23T10:00:00Z');
const stack = useDemoTabs(NOW);
const YEAR = organisationYear(NOW);
const RIGHT_TO_LEFT_OVERRIDE = '\u202E';
const demo = generateDemoMunicipality(stack.tenantId);
const [area] = [...demo.serviceAreas].sort((a, b) => a.name.localeCompare(b.name, 'fi'));

/** What each language's page calls the things the test touches, and the refusal it shows at the field. */
const PAGES = {
  fi: {
    futureNeeds: 'Tulevaisuuden osaamistarpeet',
    currentCompetence: 'Nykyosaaminen',
    save: 'Tallenna johtopäätökset',
    refusal:
      'Tekstissä on näkymättömiä ohjausmerkkejä (esim. tekstin suuntaa kääntäviä). Poista ne ja tallenna uudelleen.',
  },
  sv: {
    futureNeeds: 'Framtida kompetensbehov',
    currentCompetence: 'Nuvarande kompetens',
    save: 'Spara slutsatserna',
    refusal:
      'Texten innehåller osynliga styrtecken (t.ex. sådana som vänder textens riktning). Ta bort dem och spara igen.',
  },
  en: {
    futureNeeds: 'Future competence needs',
    currentCompetence: 'Current competence',
    save: 'Save the conclusions',
    refusal:
      'The text contains invisible control characters (such as ones that reverse the text direction). Remove them and save again.',
  },
} as const;

/** What a screen reader reads after a field's label: its error message, if any. */
const description = (field: Locator): Promise<string> =>
  field.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim(),
  );

async function openSummary(locale: keyof typeof PAGES): Promise<Page> {
  if (!area) throw new Error('the demo has service areas');
  return stack.tabs.open(
    stack.app.url,
    'hr',
    `&locale=${locale}#/hr?view=summaries&year=${YEAR}&area=${encodeURIComponent(area.id)}`,
  );
}

test('HR’s summary conclusions: the refused text is marked at its own field, in each language', async () => {
  if (!area) throw new Error('the demo has service areas');
  const first = await openSummary('fi');
  await first.getByRole('button', { name: 'Luo luonnos' }).click();
  await first.getByText('Luonnos on valmis.').waitFor();
  await first.close();
  const before = (await stack.app.repositories.summaries.get(stack.tenantId, YEAR, area.id))?.value
    .conclusions;

  for (const locale of ['fi', 'sv', 'en'] as const) {
    const words = PAGES[locale];
    const page = await openSummary(locale);
    const futureNeeds = page.getByRole('textbox', { name: words.futureNeeds });
    const currentCompetence = page.getByRole('textbox', { name: words.currentCompetence });
    await futureNeeds.fill(`Digitaidot ${RIGHT_TO_LEFT_OVERRIDE}exe.fdp`);
    await currentCompetence.fill('Vahva asiakaspalvelu');
    await page.getByRole('button', { name: words.save }).click();

    await page.getByText(words.refusal).first().waitFor();
    expect(await description(futureNeeds)).toContain(words.refusal);
    expect(await futureNeeds.getAttribute('aria-invalid')).toBe('true');
    expect(await description(currentCompetence)).not.toContain(words.refusal);
    expect(await futureNeeds.inputValue()).toContain('Digitaidot');
    expect(await axeViolations(page)).toEqual([]);

    // Editing the field takes its mark away; nothing was stored meanwhile.
    await futureNeeds.fill('Digitaidot asiakastyössä');
    expect(await description(futureNeeds)).not.toContain(words.refusal);
    expect(
      (await stack.app.repositories.summaries.get(stack.tenantId, YEAR, area.id))?.value.conclusions,
    ).toEqual(before);
    await page.close();
  }
});

test('the coaching questions: the refused question is marked where it is, in Swedish', async () => {
  const page = await stack.tabs.open(stack.app.url, 'hr', '&locale=sv#/hr?view=coaching');
  const wellbeing = page.getByRole('group', { name: 'Välbefinnande' }).getByRole('group').first();
  const english = wellbeing.getByLabel('In English');
  await english.fill('What gives you energy?\u2066');
  await page.getByRole('button', { name: /^Spara/ }).click();
  await page.getByText(PAGES.sv.refusal).first().waitFor();
  expect(await description(english)).toContain(PAGES.sv.refusal);
  expect(await english.getAttribute('aria-invalid')).toBe('true');
  expect(await stack.app.repositories.coachingBanks.get(stack.tenantId)).toBeNull();
});
