import { useCallback, useEffect, useState } from 'react';
import type { AnnualClock } from '../clock/model';
import { fetchDefaultClock } from './clock';
import { ApiError, asApiError } from './http';

export type ClockState =
  { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; clock: AnnualClock };

/** Loads the year's clock; a change of year cancels the request still in flight. */
export function useAnnualClock(year: number): { state: ClockState; retry: () => void } {
  const [state, setState] = useState<ClockState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetchDefaultClock(year, controller.signal).then(
      (clock) => setState({ status: 'ready', clock }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          status: 'error',
          error: asApiError(error),
        });
      },
    );
    return () => controller.abort();
  }, [year, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
