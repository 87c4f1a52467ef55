import { useCallback, useEffect, useState } from 'react';
import { asApiError, type ApiError } from './http';

export type ResourceState<T> =
  { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; data: T };

/**
 * Loads data for a page; a change of `key` cancels the request still in flight and loads again. `update`
 * changes the loaded data in place (after an edit the service confirmed).
 */
export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  key: string,
): { state: ResourceState<T>; retry: () => void; update: (change: (data: T) => T) => void } {
  const [state, setState] = useState<ResourceState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(controller.signal).then(
      (data) => setState({ status: 'ready', data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: asApiError(error) });
      },
    );
    return () => controller.abort();
    // `load` is recreated each render; `key` says when what it loads has changed.
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const update = useCallback(
    (change: (data: T) => T) =>
      setState((current) =>
        current.status === 'ready' ? { status: 'ready', data: change(current.data) } : current,
      ),
    [],
  );
  return { state, retry, update };
}
