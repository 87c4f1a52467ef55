/** Every item of a paged listing, a thousand at a time (Table Storage's page limit). For jobs and bounded reads only. */
import { MAX_PAGE_SIZE, type Page } from './table-store';

export async function readAll<T>(
  list: (page: { pageSize: number; continuationToken?: string }) => Promise<Page<T>>,
): Promise<T[]> {
  const items: T[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await list({ pageSize: MAX_PAGE_SIZE, continuationToken });
    items.push(...page.items);
    continuationToken = page.continuationToken;
  } while (continuationToken);
  return items;
}
