/**
 * The demo municipality's Teams channel for summaries, in the one team the local chat client (the Agents
 * Playground) shows: the demo links each service area to it, so HR's whole publish journey — compile, publish,
 * the card arriving in the channel — can be followed locally. In a real tenant each area links its own channel;
 * here every area shares this one, because the Playground (@microsoft/m365agentsplayground 0.2.28) cannot hold
 * more: its configuration schema has one `team` ("Currently only support a single team") whose `channels` have
 * `maxItems: 1` ("Currently only support one channel in addition to the General channel"), and it refuses a
 * longer list ("/team/channels must NOT have more than 1 items"). The id is a Teams-shaped thread id.
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

/** The one channel of the demo team besides General (the Playground shows no more). */
export const DEMO_SUMMARY_CHANNEL = {
  id: '19:osaamiskello-summaries@thread.tacv2',
  name: 'Osaamiskartoitukset',
} as const;

export function demoChannels(serviceAreas: readonly Pick<ServiceArea, 'id' | 'name'>[]): DemoChannel[] {
  return serviceAreas.map((area) => ({ serviceAreaId: area.id, ...DEMO_SUMMARY_CHANNEL }));
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
