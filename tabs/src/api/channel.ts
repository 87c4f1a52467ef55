import type { LinkedChannel } from '../../../bot/src/contract/hr-desk';
import type { HostChannel } from '../teams/host';
import type { ApiClient } from './client';
import { expectShape } from './shape';
import type { PublishedSummaries, ServiceAreaName } from './types';

export async function fetchServiceAreas(api: ApiClient, signal: AbortSignal): Promise<ServiceAreaName[]> {
  const body = await api.get('/api/v1/service-areas', {}, signal);
  return expectShape<{ serviceAreas: ServiceAreaName[] }>(body, ['serviceAreas'], 'service areas')
    .serviceAreas;
}

export async function fetchSummaries(
  api: ApiClient,
  serviceAreaId: string,
  signal: AbortSignal,
): Promise<PublishedSummaries> {
  const body = await api.get(
    `/api/v1/service-areas/${encodeURIComponent(serviceAreaId)}/summary-publications`,
    {},
    signal,
  );
  return expectShape<PublishedSummaries>(body, ['publications'], 'summaries');
}

/** A Teams channel as the service stores a link to it (Teams' thread ids): the contract's, without its name. */
export type ChannelAddress = Pick<LinkedChannel, 'teamId' | 'channelId'>;

/**
 * The channel's own id, which the service needs: a General channel's id is its team's, so a host that names
 * no channel means that one.
 */
export function linkableChannel(channel: HostChannel): ChannelAddress {
  return { teamId: channel.teamId, channelId: channel.channelId ?? channel.teamId };
}

const areaChannelPath = (serviceAreaId: string) =>
  `/api/v1/service-areas/${encodeURIComponent(serviceAreaId)}/channel`;

/** The channel the annual clock posts the area's reminders and summaries to; null when none is linked. */
export async function fetchAreaChannel(
  api: ApiClient,
  serviceAreaId: string,
  signal: AbortSignal,
): Promise<ChannelAddress | null> {
  const body = await api.get(areaChannelPath(serviceAreaId), {}, signal);
  return expectShape<{ channel: ChannelAddress | null }>(body, [], 'area channel').channel ?? null;
}

export async function linkAreaChannel(
  api: ApiClient,
  serviceAreaId: string,
  channel: HostChannel,
): Promise<ChannelAddress> {
  const body = await api.send('PUT', areaChannelPath(serviceAreaId), { body: linkableChannel(channel) });
  const { teamId, channelId } = expectShape<ChannelAddress>(body, [], 'area channel');
  return { teamId, channelId };
}

/** Where the annual clock posts the team's reminders (the organisation's team id, not Teams'). */
export async function linkTeamChannel(
  api: ApiClient,
  organisationTeamId: string,
  channel: HostChannel,
): Promise<void> {
  await api.send('PUT', `/api/v1/teams/${encodeURIComponent(organisationTeamId)}/channel`, {
    body: linkableChannel(channel),
  });
}
