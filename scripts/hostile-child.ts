/**
 * One CLI run for `npm run test:hostile` (scripts/hostile.ts): the simulate
 * CLI as users run it, reporting its peak memory on exit.
 */
import { run } from '../src/cli/simulate.ts';

process.on('exit', () => process.stderr.write(`hostile: maxrss ${process.resourceUsage().maxRSS} KB\n`));
await run(process.argv.slice(2));
