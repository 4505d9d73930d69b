import { useEffect, useRef, useState } from 'react';
import { post } from '../api/client.js';
import type { Json } from './draft-paths.js';
import type { Validation } from './gate-types.js';

/** Every change the preview finds, up to the API's limit, so the impact lists every household that flips. */
const EXAMPLES_PER_COUNTY = 2000;

/** How long the officer's typing must pause before the gate runs again. */
const DEBOUNCE_MS = 600;

export interface GateState {
  readonly validation: Validation | null;
  readonly error: unknown;
  /** A run is waiting for the pause or under way: what is shown may be older than the draft. */
  readonly running: boolean;
}

/**
 * The publish gate on the draft, re-run (debounced) whenever the draft or its cases change,
 * through the documented `POST /rule-sets/{id}/validations`. An answer to an older draft that
 * arrives after a newer one was sent is dropped.
 */
export function useGate(ruleSetId: string, draft: Json | null, cases: Json | null): GateState {
  const [state, setState] = useState<GateState>({ validation: null, error: null, running: draft !== null });
  const sent = useRef(0);
  useEffect(() => {
    if (draft === null || typeof draft !== 'object' || Array.isArray(draft)) return;
    setState((previous) => ({ ...previous, running: true }));
    const round = (sent.current += 1);
    const timer = setTimeout(() => {
      post('/rule-sets/{ruleSetId}/validations', { ruleSetId }, { ruleSet: draft, ...(cases ? { cases } : {}), examples: EXAMPLES_PER_COUNTY }).then(
        (answer) => round === sent.current && setState({ validation: answer as Validation, error: null, running: false }),
        (error: unknown) => round === sent.current && setState({ validation: null, error, running: false }),
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [ruleSetId, draft, cases]);
  return state;
}
