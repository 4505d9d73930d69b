import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The fast tier (`npm run test:fast`), for the edit-test loop: the unit tests, the scenario
 * cases and the worked example, without the files that start a real process or an embedded
 * store, synthesise the CDK stack, or compare the two evaluators on thousands of generated
 * inputs. `npm test` stays the full suite, and CI runs that.
 */
// Spread, not mergeConfig: mergeConfig would add these lists to the full suite's instead of
// replacing them.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'test/unit/**/*.test.ts',
      'test/scenarios/scenario-cases.test.ts',
      'test/scenarios/every-rule-set-has-cases.test.ts',
      'test/scenarios/worked-example.test.ts',
    ],
    exclude: [
      // thousands of generated rule sets, fact maps or records through both evaluators
      'test/unit/engine/compiled-rule-sets.test.ts',
      'test/unit/engine/compiled-matches-reference.test.ts',
      'test/unit/engine/compiled-matches-reference-on-records.test.ts',
      'test/unit/engine/arbitrary-records.test.ts',
      // a real `tuopin` process, or the embedded dynalite store
      'test/unit/cli/score-command.test.ts',
      'test/unit/cli/rules-command.test.ts',
      'test/unit/use-cases/rule-publishing/end-to-end.test.ts',
      // the gate's impact preview over the worked example, run several times per test
      'test/unit/use-cases/rule-publishing/publish-rule-set.test.ts',
      'test/unit/use-cases/rule-publishing/rollback.test.ts',
    ],
  },
});
