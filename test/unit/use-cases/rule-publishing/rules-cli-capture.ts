import { fileURLToPath } from 'node:url';
import { defaultRulesIo, type RulesIo } from '../../../../src/cli/rules/rules-io.js';
import type { Stores } from '../../../../src/ports/stores.js';

export const REPOSITORY = fileURLToPath(new URL('../../../..', import.meta.url));

/** What a command printed. */
export interface Captured {
  readonly io: RulesIo;
  out(): string;
  err(): string;
}

/**
 * The `rules` commands' io with stdout and stderr captured and the clock fixed (2026-03-01).
 * With `stores`, every command opens those same stores (a store that lives across commands,
 * like the embedded one); without, the command opens what its options say.
 */
export function capture(stores?: Stores): Captured {
  let out = '';
  let err = '';
  const io: RulesIo = {
    ...defaultRulesIo(),
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    now: () => new Date('2026-03-01T08:00:00.000Z'),
    repository: REPOSITORY,
    ...(stores ? { openStores: async () => ({ stores, location: 'the test store', persistent: true, close: async () => {} }) } : {}),
  };
  return { io, out: () => out, err: () => err };
}
