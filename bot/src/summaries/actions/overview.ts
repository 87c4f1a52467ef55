/** `summaries.overview`: HR's overview of the card's year (or this year). */
import { z } from 'zod';
import type { CardActionHandler } from '../../cards/card-action';
import { cardData } from '../../cards/card-action-kit';
import { openOverview } from '../summary-context';
import type { SummaryDeps } from '../summary-workflow';
import { year } from './summary-action';

const overviewSchema = z.object({ year: year.optional() });

export function overviewAction(deps: SummaryDeps): CardActionHandler {
  return (request) => openOverview(deps, request, cardData(overviewSchema, request)?.year);
}
