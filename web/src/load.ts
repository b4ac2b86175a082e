import { useEffect, useMemo, useState } from 'react';
import { ApiError } from './api';

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
}

/** The answer of one run of a read, tagged with the run it answers, so a newer run shows as loading. */
interface Settled<T> {
  run: () => Promise<T>;
  round: number;
  data: T | null;
  error: ApiError | null;
}

/**
 * Runs a read when its inputs change and keeps the three states every page shows: loading, error, data. While a
 * new read runs, the previous data stays and the error is cleared. The callers' `deps` are checked like React's own
 * hooks' (react-hooks/exhaustive-deps with `additionalHooks` in eslint.config.js).
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [round, setRound] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps, react-hooks/use-memo -- the list is the caller's, passed on (so not a literal here) and checked at each call site (additionalHooks)
  const run = useMemo(() => load, deps);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  useEffect(() => {
    let current = true;
    run().then(
      (data) => current && setSettled({ run, round, data, error: null }),
      (error: unknown) =>
        current &&
        setSettled({
          run,
          round,
          data: null,
          error: error instanceof ApiError ? error : new ApiError({ status: 0, detail: String(error) }),
        }),
    );
    return () => {
      current = false;
    };
  }, [run, round]);
  // Loading until the answer of this very run (these inputs, this reload) has arrived.
  const loading = settled === null || settled.run !== run || settled.round !== round;
  return {
    data: settled?.data ?? null,
    error: loading ? null : settled.error,
    loading,
    reload: () => setRound((r) => r + 1),
  };
}
