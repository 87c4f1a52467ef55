/**
 * Seeds the demo municipality ("Demokaupunki") into an empty store on first start. The organisation
 * record is written last, so a start interrupted half-way seeds again (the writes are idempotent).
 */
import type { Repositories } from '../storage/repositories';
import { writeOrganisation } from '../storage/organisation-import';
import { demoChannelLinks } from './demo-channels';
import { demoPersonas, generateDemoMunicipality } from './demo-municipality';

export async function seedDemoMunicipalityIfEmpty(
  repos: Pick<Repositories, 'organisations' | 'serviceAreas' | 'teams' | 'people' | 'channelLinks'>,
  tenantId: string,
): Promise<{ seeded: boolean; people: number }> {
  if (await repos.organisations.get(tenantId)) return { seeded: false, people: 0 };
  const demo = generateDemoMunicipality(tenantId);
  await writeOrganisation(repos, tenantId, {
    serviceAreas: demo.serviceAreas,
    teams: demo.teams,
    people: demo.people,
  });
  // Each service area's channel, linked by the demo's HR person, so publishing a summary works locally.
  const hr = demoPersonas(demo).hr.personId;
  for (const link of demoChannelLinks(tenantId, demo.serviceAreas, new Date().toISOString(), hr))
    await repos.channelLinks.put(link);
  await repos.organisations.create(demo.organisation);
  return { seeded: true, people: demo.people.length };
}
