import type { ApiClient } from './client';
import { expectShape } from './shape';
import type { MyCompetence } from './types';

export async function fetchMyCompetence(api: ApiClient, signal: AbortSignal): Promise<MyCompetence> {
  const body = await api.get('/api/v1/my/competence', {}, signal);
  return expectShape<MyCompetence>(body, ['discussions', 'competences', 'upcoming'], 'my competence');
}
