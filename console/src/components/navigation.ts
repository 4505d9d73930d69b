import { useEffect, useState } from 'react';

/** The console's place: its path and query, kept in the address bar so every view can be linked and reloaded. */
export interface Place {
  readonly path: string;
  readonly query: URLSearchParams;
}

const current = (): Place => ({ path: window.location.pathname, query: new URLSearchParams(window.location.search) });

/** Moves to a path, keeping the county and quarter unless `query` replaces them. */
export function navigate(path: string, query: Record<string, string> = {}): void {
  const next = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(query)) next.set(key, value);
  window.history.pushState(null, '', `${path}?${next.toString()}`);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function usePlace(): Place {
  const [place, setPlace] = useState(current);
  useEffect(() => {
    const update = () => setPlace(current());
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return place;
}

/** The quarter before today's: the latest one a nightly run can have finished. */
export function previousQuarter(today = new Date()): string {
  const quarter = Math.floor(today.getUTCMonth() / 3);
  return quarter === 0 ? `${today.getUTCFullYear() - 1}Q4` : `${today.getUTCFullYear()}Q${quarter}`;
}
