/**
 * HR's publishing journey in Microsoft's own chat client (the Agents Playground): the service area is linked to a
 * channel of the team the app is installed in; HR opens the area's summary from "koonnit", creates the draft,
 * publishes it, and the summary card arrives in the channel — through the Playground's own connector, which
 * refuses what a real Teams would refuse. Then HR compiles the central training plan from the area's submitted
 * plan on the plan card in chat and downloads it as CSV and XLSX, as the HR tab's export buttons do (the
 * Playground shows no tabs; tests/e2e/hr-desk.test.ts clicks those buttons in Chromium).
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Locator } from 'playwright-core';
import { currentRoundYear } from '../../bot/src/domain/annual-clock-rules';
import { NOW, ROUND_YEAR } from '../api/tabs-api-fixture';
import { artifactPath } from '../support/browser';
import { usePlaygroundJourney } from '../support/playground';
import { newTenantId } from '../support/storage';
import { bearer, devToken, signInOrganisation } from '../support/tokens';

/** The team and its channel besides General, as tests/support/playground.ts configures the Playground. */
const TEAM = '19:osaamiskello-team-general@thread.tacv2';
const CHANNEL = '19:osaamiskello-team-channel@thread.tacv2';

describe('Agents Playground journey: HR publishes a summary that arrives in the area’s channel', () => {
  const org = signInOrganisation(newTenantId());
  const { hr } = org.people;
  const area = org.snapshot.serviceAreas[0];
  const areaName = area?.name ?? '';

  let planYear = 0;
  const { cityManager, director, supervisor, employee, cooperationMember } = org.people;
  const journey = usePlaygroundJourney({
    org,
    now: NOW,
    currentUser: hr,
    users: [cityManager, director, supervisor, employee, cooperationMember],
    prepare: async (app) => {
      // The area's management team submitted its plan: one row the central plan takes with the area's name.
      planYear = currentRoundYear(
        await app.repositories.annualClocks.inEffect(org.tenantId),
        null,
        NOW,
        'planning',
      );
      await app.repositories.trainingPlans.create({
        tenantId: org.tenantId,
        year: planYear,
        scope: 'serviceArea',
        serviceAreaId: area?.id ?? '',
        status: 'submitted',
        items: [
          {
            id: 'i-1',
            need: 'Asiakaspalvelun vuorovaikutus',
            competenceId: null,
            way: '20',
            audience: 'Koko henkilöstö',
            headcount: 6,
          },
        ],
        history: [
          { status: 'draft', by: hr.id, at: NOW.toISOString() },
          { status: 'submitted', by: hr.id, at: NOW.toISOString() },
        ],
      });
      await app.repositories.channelLinks.put({
        tenantId: org.tenantId,
        serviceAreaId: area?.id ?? '',
        teamId: TEAM,
        channelId: CHANNEL,
        tabEntityId: null,
        teamsAppId: null,
        linkedBy: hr.id,
        linkedAt: NOW.toISOString(),
      });
    },
  });

  const channelTreeItem = (): Locator =>
    journey.page.getByRole('treeitem', { name: /Demo - Osaamiskello/ }).first();

  /** Opening the channel installs the app in its team, as adding the app to a team does in Teams. */
  async function installInTeam(): Promise<void> {
    await journey.page
      .locator('.ac-adaptiveCard', { hasText: 'Tervetuloa Osaamiskelloon' })
      .first()
      .waitFor({ timeout: 30_000 });
    await channelTreeItem().click();
    const team = { kind: 'team', teamId: TEAM } as const;
    for (let waited = 0; waited < 20_000; waited += 200) {
      if (await journey.app.repositories.conversationReferences.get(org.tenantId, team)) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('The app was not installed in the team');
  }

  it('drafts and publishes the area’s summary in chat, and the card arrives in the channel', async () => {
    await installInTeam();
    await journey.page
      .getByRole('treeitem', { name: /Personal Chat/ })
      .first()
      .click();

    await journey.page.getByRole('textbox').first().fill('koonnit');
    await journey.page.getByRole('button', { name: 'Send Message' }).click();
    await journey.latestCard().getByText(`Osaamiskoonnit ${ROUND_YEAR}`).waitFor({ timeout: 30_000 });
    await journey.latestCard().getByText(areaName, { exact: true }).click();
    await journey
      .latestCard()
      .getByText(`Osaamiskoonti ${ROUND_YEAR}: ${areaName}`)
      .waitFor({ timeout: 20_000 });

    await journey.latestCard().getByRole('button', { name: 'Luo luonnos' }).click();
    await journey.latestCard().getByText('Luonnos on valmis.').waitFor({ timeout: 20_000 });
    await journey.latestCard().getByRole('button', { name: 'Julkaise kanavalle' }).click();
    await journey
      .latestCard()
      .getByText('Julkaistu, ja koontikortti lähetettiin palvelualueen kanavalle.')
      .waitFor({ timeout: 20_000 });
    await journey.page.screenshot({ path: artifactPath('playground-journey-hr-published.png') });
    const stored = await journey.app.repositories.summaries.get(org.tenantId, ROUND_YEAR, area?.id ?? '');
    expect(stored?.value.status).toBe('published');

    await channelTreeItem().click();
    const posted = journey.page.locator('.ac-adaptiveCard', {
      hasText: `Osaamiskoonti ${ROUND_YEAR}: ${areaName}`,
    });
    await posted.first().waitFor({ timeout: 20_000 });
    await journey.page.screenshot({ path: artifactPath('playground-journey-hr-channel.png') });
  });

  it('compiles the central training plan on its card and downloads it as CSV and XLSX with the area’s rows', async () => {
    await journey.page
      .getByRole('treeitem', { name: /Personal Chat/ })
      .first()
      .click();
    await journey.page.getByRole('textbox').first().fill('koulutussuunnitelmat');
    await journey.page.getByRole('button', { name: 'Send Message' }).click();
    await journey.latestCard().getByText(`Koulutussuunnitelmat ${planYear}`).waitFor({ timeout: 30_000 });
    await journey.latestCard().getByText('Keskitetty koulutussuunnitelma', { exact: true }).click();
    await journey
      .latestCard()
      .getByRole('button', { name: 'Yhdistä keskitetyksi suunnitelmaksi' })
      .click({ timeout: 20_000 });
    await journey.latestCard().getByText('Keskitetty suunnitelma koottiin.').waitFor({ timeout: 20_000 });
    await journey.latestCard().getByText('Asiakaspalvelun vuorovaikutus', { exact: false }).first().waitFor();
    await journey.page.screenshot({ path: artifactPath('playground-journey-hr-central-plan.png') });

    // The files the HR tab's buttons download: the same request, as HR.
    const token = await devToken(journey.app.url, org.tenantId, hr.id);
    const download = async (format: 'csv' | 'xlsx'): Promise<Response> => {
      const response = await fetch(
        `${journey.app.url}/api/v1/training-plans/${planYear}/export?plan=central&format=${format}`,
        { headers: bearer(token) },
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toContain(
        `koulutussuunnitelma-${planYear}-keskitetty.${format}`,
      );
      return response;
    };
    const [header, ...rows] = parse(await (await download('csv')).text(), {
      delimiter: ';',
      bom: true,
    }) as string[][];
    expect(header?.slice(0, 3)).toEqual(['Nro', 'Palvelualue', 'Tarve']);
    expect(rows).toContainEqual([
      '1',
      areaName,
      'Asiakaspalvelun vuorovaikutus',
      '',
      expect.any(String),
      'Koko henkilöstö',
      '6',
    ]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      Buffer.from(await (await download('xlsx')).arrayBuffer()) as unknown as ExcelJS.Buffer,
    );
    const sheet = workbook.worksheets[0];
    const values = (number: number) => (sheet?.getRow(number).values as unknown[] | undefined)?.slice(1);
    expect(values(1)?.slice(0, 3)).toEqual(['Nro', 'Palvelualue', 'Tarve']);
    expect(sheet?.rowCount).toBe(rows.length + 1);
    const first = values(2);
    expect([first?.[0], first?.[1], first?.[2], first?.[5], first?.[6]]).toEqual([
      1,
      areaName,
      'Asiakaspalvelun vuorovaikutus',
      'Koko henkilöstö',
      6,
    ]);
  });
});
