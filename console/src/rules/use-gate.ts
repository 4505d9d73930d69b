import { useEffect, useRef, useState } from 'react';
import { post } from '../api/client.js';
import type { Json } from './draft-paths.js';
import type { Validation } from './gate-types.js';

/** How long the officer's typing must pause before the API is asked again. */
const DEBOUNCE_MS = 600;

/** Every change the preview finds, up to the API's limit, so the impact lists every household that flips. */
const EXAMPLES_PER_COUNTY = 2000;

export interface Debounced<T> {
  readonly data: T | null;
  readonly error: unknown;
  /** A call is waiting for the pause or under way: what is shown may be older than the draft. */
  readonly running: boolean;
}

/**
 * Calls `read` once the inputs have stopped changing for a moment, and again whenever they
 * change; an answer to older inputs that arrives after newer ones were sent is dropped.
 */
export function useDebounced<T>(read: (() => Promise<T>) | null, inputs: readonly unknown[]): Debounced<T> {
  const [state, setState] = useState<Debounced<T>>({ data: null, error: null, running: read !== null });
  const sent = useRef(0);
  useEffect(() => {
    if (read === null) return;
    setState((previous) => ({ ...previous, running: true }));
    const round = (sent.current += 1);
    const timer = setTimeout(() => {
      read().then(
        (data) => round === sent.current && setState({ data, error: null, running: false }),
        (error: unknown) => round === sent.current && setState({ data: null, error, running: false }),
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // The inputs say what `read` reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, inputs);
  return state;
}

export interface GateState {
  readonly validation: Validation | null;
  readonly error: unknown;
  readonly running: boolean;
}

/**
 * The publish gate on the draft with its cases, re-run (debounced) as they change, through the
 * documented `POST /rule-sets/{id}/validations`: the report with every change of the preview.
 */
export function useGate(ruleSetId: string, draft: Json, cases: Json | null): GateState {
  const state = useDebounced(
    () => post('/rule-sets/{ruleSetId}/validations', { ruleSetId }, { ruleSet: draft, ...(cases ? { cases } : {}), examples: EXAMPLES_PER_COUNTY }) as Promise<Validation>,
    [ruleSetId, draft, cases],
  );
  return { validation: state.data, error: state.error, running: state.running };
}
