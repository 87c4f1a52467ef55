/**
 * The demo municipality's Teams channels, one per service area, in the one team the local chat client (the Agents
 * Playground) shows: the demo links each service area to its channel, so HR's whole publish journey — compile,
 * publish, the card arriving in the area's channel — can be followed locally. The ids are Teams-shaped thread ids.
 */
import type { ServiceArea } from '../domain/organisation';
import type { ChannelLink } from '../storage/channel-link-repository';

/** The team of the local chat client's configuration (devstack/agents-playground.ts). */
export const DEMO_TEAM = {
  id: '19:osaamiskello-team-general@thread.tacv2',
  name: 'Demokaupunki – Osaamiskello',
} as const;

export interface DemoChannel {
  serviceAreaId: string;
  id: string;
  name: string;
}

export function demoChannels(serviceAreas: readonly Pick<ServiceArea, 'id' | 'name'>[]): DemoChannel[] {
  return serviceAreas.map((area) => ({
    serviceAreaId: area.id,
    id: `19:osaamiskello-${area.id}@thread.tacv2`,
    name: area.name,
  }));
}

/** The links the demo seeds: each area's summaries go to its own channel of the demo team. */
export function demoChannelLinks(
  tenantId: string,
  serviceAreas: readonly Pick<ServiceArea, 'id' | 'name'>[],
  linkedAt: string,
  linkedBy: string,
): ChannelLink[] {
  return demoChannels(serviceAreas).map((channel) => ({
    tenantId,
    serviceAreaId: channel.serviceAreaId,
    teamId: DEMO_TEAM.id,
    channelId: channel.id,
    tabEntityId: null,
    teamsAppId: null,
    linkedBy,
    linkedAt,
  }));
}
