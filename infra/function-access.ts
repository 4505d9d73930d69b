import { idempotencyAccess, mergeAccess, type TableAccess } from './constructs/table-access.js';

/*
 * Which keys each function touches, read from its use case and the stores' access patterns
 * (src/adapters/dynamodb/keys.ts, ACCESS-PATTERNS.md). Every `pk` and `gsi1pk` begins with a
 * fixed word, so every function, reader or writer, is bounded by `dynamodb:LeadingKeys`; no
 * function needed an exception. Writes are BatchWriteItem (puts and deletes alike), except the
 * conditional PutItem of a run record or rule-set version, and Powertools' idempotency records.
 */

/** Reading the versions in force (ruleSetsFromStore, the functions' 60-second cache): one Query per standard. */
const RULE_SET_VERSIONS = 'RULE-SET#*';
/** The notes of rows rejected at a county's last import, which keep the items that need them unknown. */
const INCOMPLETE_NOTES = 'INCOMPLETE#*';
/** A village re-scored: the village and its county, its households, its verdicts replaced (after their digest), its tally rewritten. */
const SCORE_VILLAGE: TableAccess = {
  table: {
    GetItem: ['VILLAGE#*', 'COUNTY#*', 'TALLY#*', 'PARTITION#*'],
    Query: ['PARTITION#*', INCOMPLETE_NOTES],
    BatchWriteItem: ['PARTITION#*', 'TALLY#*'],
  },
  index: ['VILLAGE#*#HOUSEHOLDS'],
};
/**
 * A county rolled up: the county, its townships, its villages (a tally of a village it no
 * longer has is ignored), their tallies, its notes, its own verdict replaced.
 */
const AGGREGATE_COUNTY: TableAccess = {
  table: {
    GetItem: ['COUNTY#*', 'PARTITION#*'],
    Query: ['TALLY#*', 'PARTITION#*', INCOMPLETE_NOTES],
    BatchWriteItem: ['PARTITION#*'],
  },
  index: ['COUNTY#*#TOWNSHIPS', 'COUNTY#*#VILLAGES'],
};
/** The publish gate, read only: the published versions, the runs (their years and quarter), and the impact preview over every county. */
const PUBLISH_GATE: TableAccess = {
  table: { Query: [RULE_SET_VERSIONS, 'CARDS#*', INCOMPLETE_NOTES] },
  index: ['RUNS#*', 'COUNTIES', 'COUNTY#*#TOWNSHIPS', 'COUNTY#*#VILLAGES', 'COUNTY#*#UNITS', 'VILLAGE#*#HOUSEHOLDS'],
};
/** Publishing a version (conditional put) and its id marker. */
const PUBLISH: TableAccess = { table: { PutItem: [RULE_SET_VERSIONS, 'RULE-SETS'] } };
/**
 * The exact versions a run pinned: one GetItem each. Also what restores a stored verdict's texts
 * and compacts a verdict written, so every reader and writer of verdicts holds it.
 */
const PINNED: TableAccess = { table: { GetItem: [RULE_SET_VERSIONS] } };
/** A subject's verdicts: a household's village from its record, the verdicts from that partition (the years, then the subject's keys), their texts from their versions. */
const SUBJECT_VERDICTS: TableAccess = mergeAccess(PINNED, { table: { GetItem: ['HOUSEHOLD#*'], Query: ['PARTITION#*'] } });
const IN_FORCE: TableAccess = { table: { Query: [RULE_SET_VERSIONS] } };
/** Drafts live in their rule set's partition (`RULE-SET#<id>` / `DRAFT#<draftId>`): one read, or the partition's drafts. */
const DRAFT_READ: TableAccess = { table: { GetItem: [RULE_SET_VERSIONS], Query: [RULE_SET_VERSIONS] } };
/** A draft created (conditional put) or moved on (conditional update), read back to explain a refused condition. */
const DRAFT_WRITE: TableAccess = mergeAccess(DRAFT_READ, { table: { PutItem: [RULE_SET_VERSIONS], UpdateItem: [RULE_SET_VERSIONS] } });
/**
 * A draft step that runs the gate (cases, submission, approval) on the store's population; a
 * submission's or approval's report is written beside the draft in chunks (`DRAFT-REPORT#<draftId>#…`,
 * BatchWriteItem), and a refused step's chunks deleted again.
 */
const DRAFT_GATE: TableAccess = mergeAccess(mergeAccess(PUBLISH_GATE, DRAFT_WRITE), { table: { BatchWriteItem: [RULE_SET_VERSIONS] } });

/** Every function's access to the table, by its file name in functions/. */
export const FUNCTION_ACCESS: Readonly<Record<string, TableAccess>> = {
  // Pins the versions in force, lists counties and their villages, records the run as running.
  'plan-run': { table: { Query: [RULE_SET_VERSIONS], PutItem: ['RUN#*'] }, index: ['COUNTIES', 'COUNTY#*#VILLAGES'] },
  'score-village-batch': mergeAccess(mergeAccess(PINNED, SCORE_VILLAGE), idempotencyAccess('score-village-batch')),
  'aggregate-county': mergeAccess(PINNED, AGGREGATE_COUNTY),
  // Scores, cards (the history read, the quarter's cards compared and written) and lists.
  'account-county': mergeAccess(PINNED, {
    table: {
      Query: ['TALLY#*', 'CARDS#*', 'ACCOUNTABILITY#*'],
      BatchGetItem: ['CARDS#*'],
      BatchWriteItem: ['CARDS#*', 'ACCOUNTABILITY#*'],
    },
    index: ['COUNTY#*#TOWNSHIPS', 'COUNTY#*#VILLAGES', 'COUNTY#*#UNITS'],
  }),
  // Records the run; counts the rows its counties' notes hold as rejected.
  'finish-run': { table: { PutItem: ['RUN#*'], Query: [INCOMPLETE_NOTES] } },
  'get-verdicts': SUBJECT_VERDICTS,
  // A household judged and its verdict stored in its village's partition; a village re-scored; a county rolled up.
  'post-evaluation': mergeAccess(mergeAccess(mergeAccess(IN_FORCE, PINNED), SCORE_VILLAGE), mergeAccess(AGGREGATE_COUNTY, { table: { GetItem: ['HOUSEHOLD#*'] } })),
  'post-village-re-evaluation': mergeAccess(mergeAccess(mergeAccess(IN_FORCE, PINNED), SCORE_VILLAGE), mergeAccess(AGGREGATE_COUNTY, idempotencyAccess('post-village-re-evaluation'))),
  // The console's read routes: each reads only what its page shows, and writes nothing.
  'get-runs': { table: {}, index: ['RUNS#*'] },
  'get-run': { table: { GetItem: ['RUN#*'] } },
  'get-counties': { table: {}, index: ['COUNTIES'] },
  // The villages from their tallies; a village whose tally predates the overview's sums from its verdicts, weighed by the household-exit version that judged them; the county's own verdicts from its partition.
  'get-county-overview': mergeAccess(PINNED, { table: { GetItem: ['COUNTY#*', 'RULE-SET#*'], Query: ['TALLY#*', 'PARTITION#*'] }, index: ['COUNTIES', 'COUNTY#*#VILLAGES', 'COUNTY#*#TOWNSHIPS'] }),
  'get-village-households': { table: { GetItem: ['VILLAGE#*', RULE_SET_VERSIONS], Query: ['PARTITION#*'] }, index: ['VILLAGE#*#HOUSEHOLDS'] },
  'get-county-accountability': { table: { GetItem: ['COUNTY#*'], Query: ['ACCOUNTABILITY#*', 'CARDS#*'] }, index: ['COUNTY#*#TOWNSHIPS', 'COUNTY#*#UNITS'] },
  // Each quarter's runs, then the county's tallies of the quarters that have runs.
  'get-county-trends': { table: { GetItem: ['COUNTY#*'], Query: ['TALLY#*'] }, index: ['COUNTY#*#VILLAGES', 'RUNS#*'] },
  // What tuopin export reads of one county (partitions, scores, lists, names), and the quarter's runs.
  'get-county-report': {
    table: { GetItem: ['COUNTY#*', RULE_SET_VERSIONS], Query: ['PARTITION#*', 'ACCOUNTABILITY#*'] },
    index: ['COUNTIES', 'COUNTY#*#VILLAGES', 'COUNTY#*#TOWNSHIPS', 'COUNTY#*#UNITS', 'VILLAGE#*#HOUSEHOLDS', 'RUNS#*'],
  },
  'get-unit-cards': { table: { Query: ['CARDS#*'] } },
  // One household record, for a scenario case: nothing else.
  'get-household': { table: { GetItem: ['HOUSEHOLD#*'] } },
  // One village record, its county (the region) and its households, for a scenario case: nothing else.
  'get-village': { table: { GetItem: ['VILLAGE#*', 'COUNTY#*'] }, index: ['VILLAGE#*#HOUSEHOLDS'] },
  'get-rule-sets': { table: { Query: ['RULE-SETS', RULE_SET_VERSIONS] } },
  'get-rule-set-versions': IN_FORCE,
  'post-rule-set-validation': PUBLISH_GATE,
  // The one-step publication goes through a draft (create, submit, self-approve) where it is allowed.
  'post-rule-set-version': mergeAccess(DRAFT_GATE, PUBLISH),
  'post-rule-set-rollback': mergeAccess(DRAFT_GATE, PUBLISH),
  'get-rule-set-history': DRAFT_READ,
  'get-rule-set-drafts': DRAFT_READ,
  'get-rule-set-draft-report': DRAFT_READ,
  'get-rule-set-draft': DRAFT_READ,
  'post-rule-set-draft': DRAFT_WRITE,
  'post-rule-set-draft-save': DRAFT_WRITE,
  // Runs the cases, writes nothing.
  'post-rule-set-draft-case-run': mergeAccess(PUBLISH_GATE, DRAFT_READ),
  'post-rule-set-draft-case-confirmation': DRAFT_GATE,
  'post-rule-set-draft-submission': DRAFT_GATE,
  'post-rule-set-draft-approval': mergeAccess(DRAFT_GATE, PUBLISH),
  'post-rule-set-draft-rejection': DRAFT_WRITE,
  'post-rule-set-draft-withdrawal': DRAFT_WRITE,
};
