/**
 * Runs `task` over `items` with at most `limit` tasks in flight; results come in the items' order. After a
 * failure no new task starts, and the first error is thrown.
 */
export async function mapConcurrently<I, O>(
  items: readonly I[],
  limit: number,
  task: (item: I) => Promise<O>,
): Promise<O[]> {
  const results: O[] = new Array<O>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await task(items[index] as I);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * `task` over `items`, at most `limit` at once, yielded in order a chunk of `chunk` items at a time: a caller
 * consuming the results as they come (e.g. writing them page by page) never holds more than a chunk of them.
 */
export async function* mapConcurrentlyInChunks<I, O>(
  items: readonly I[],
  limit: number,
  chunk: number,
  task: (item: I) => Promise<O>,
): AsyncGenerator<O> {
  for (let start = 0; start < items.length; start += chunk)
    yield* await mapConcurrently(items.slice(start, start + chunk), limit, task);
}
