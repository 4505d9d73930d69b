import { z } from 'zod';
import { QUARTER_PATTERN } from './quarter.js';

/**
 * A quarter's text as zod checks it at the edges: routes, task events, publish requests. Apart
 * from `quarter.ts` so that what only parses a command line (`tuopin --help`, any usage error)
 * starts without loading zod, about a third of a command's start-up.
 */
export const QuarterSchema = z.string().regex(QUARTER_PATTERN, 'a quarter looks like 2018Q4');
