/** `summaries.overview`: HR's overview of the card's year (or this year). */
import { z } from 'zod';
import type { CardActionHandler } from '../../cards/card-action';
import { cardData } from '../../cards/card-action-kit';
import { openOverview } from '../summary-context';
import type { SummaryDeps } from '../summary-workflow';
import { cardYear } from '../../cards/card-action-kit';

const overviewSchema = z.object({ year: cardYear.optional() });

export function overviewAction(deps: SummaryDeps): CardActionHandler {
  return (request) => openOverview(deps, request, cardData(overviewSchema, request)?.year);
}
