#!/usr/bin/env node
// Make sure a Chromium for the e2e tests exists. Playwright cannot download its
// own browser on these machines, so we use Debian's package: /usr/bin/chromium,
// or $BOOTGRAPH_CHROMIUM / $CHROMIUM_PATH. When it is missing and we run as root
// with apt-get available, install it; otherwise say exactly what to install.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export function chromiumPath() {
  return process.env.BOOTGRAPH_CHROMIUM || process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

function main() {
  const path = chromiumPath();
  if (existsSync(path)) return 0;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt && path === '/usr/bin/chromium') {
    console.info('e2e: /usr/bin/chromium is missing; installing Debian chromium (apt-get update && apt-get install -y chromium)...');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const up = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    const inst = up.status === 0 ? spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-liberation'], { stdio: 'inherit', env }) : up;
    if (inst.status === 0 && existsSync(path)) return 0;
    console.error('e2e: could not install chromium with apt-get.');
  }
  console.error(`e2e: no Chromium at ${path}.\n  Install Debian's browser:  sudo apt-get update && sudo apt-get install -y chromium\n  or point BOOTGRAPH_CHROMIUM at a Chromium/Chrome binary.`);
  return 1;
}

if (process.argv[1] && process.argv[1].endsWith('ensure-chromium.mjs')) process.exit(main());
