import { useEffect, useState } from 'react';

export interface Loaded<T> {
  readonly data: T | null;
  readonly error: unknown;
  readonly loading: boolean;
  reload(): void;
}

/** Runs a read of the API when its key changes; a stale answer (the key moved on) is dropped. */
export function useApi<T>(key: string | null, read: () => Promise<T>): Loaded<T> {
  const [state, setState] = useState<{ key: string | null; data: T | null; error: unknown }>({ key: null, data: null, error: null });
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    read().then(
      (data) => live && setState({ key, data, error: null }),
      (error: unknown) => live && setState({ key, data: null, error }),
    );
    return () => {
      live = false;
    };
    // `read` is a new closure every render; the key says what it reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, round]);
  const fresh = state.key === key;
  return { data: fresh ? state.data : null, error: fresh ? state.error : null, loading: key !== null && !fresh, reload: () => setRound((n) => n + 1) };
}
