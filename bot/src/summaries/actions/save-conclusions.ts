/** `summary.saveConclusions`: HR saves the conclusions of every theme, one per line, against the card's version. */
import type { CardActionHandler, CardActionRequest } from '../../cards/card-action';
import { lines } from '../../cards/card-action-kit';
import { GROUP_THEMES } from '../../domain/group-discussion';
import type { Conclusions } from '../summary-compilation';
import { conclusionInputId } from '../summary-views';
import { saveConclusions, type SummaryDeps } from '../summary-workflow';
import { summaryAction } from './summary-action';

const conclusionsOf = (request: CardActionRequest): Conclusions =>
  Object.fromEntries(GROUP_THEMES.map((theme) => [theme, lines(request.data[conclusionInputId(theme)])]));

export function saveConclusionsAction(deps: SummaryDeps): CardActionHandler {
  return summaryAction(deps, async (hr, target, etag, request) => {
    await saveConclusions(deps, hr, target, etag, conclusionsOf(request));
    return { key: 'notice.saved', color: 'Good' };
  });
}
