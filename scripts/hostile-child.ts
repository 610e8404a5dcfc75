/**
 * One CLI run for `npm run test:hostile` (scripts/hostile.ts): the simulate
 * CLI as users run it, reporting its peak memory and CPU time on exit (CPU
 * time, unlike wall time, means something on a shared, loaded machine).
 */
import { run } from '../src/cli/simulate.ts';

process.on('exit', () => {
  const cpu = process.cpuUsage();
  process.stderr.write(`hostile: maxrss ${process.resourceUsage().maxRSS} KB cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s\n`);
});
await run(process.argv.slice(2));
