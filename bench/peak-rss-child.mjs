// Runs `tuopin` with the arguments given and, as the process exits, prints its peak resident
// set on stderr (`peak-rss-kib N`), so the bench can read a command's peak memory portably.
import { resourceUsage } from 'node:process';

process.on('exit', () => process.stderr.write(`peak-rss-kib ${resourceUsage().maxRSS}\n`));
process.argv.splice(1, 1, new URL('../bin/tuopin.mjs', import.meta.url).pathname);
await import('../bin/tuopin.mjs');
