#!/usr/bin/env node
// Makes sure a Chromium exists for the end-to-end tests, or fails loudly.
//
// Looks at CHROMIUM_PATH (if set), else /usr/bin/chromium. When it is missing
// and we run as root on Debian/Ubuntu (as CI does), installs Debian's
// `chromium` package with apt-get, printing each command. Otherwise it exits
// non-zero with instructions. It never skips the tests silently.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';

const DEFAULT_PATH = '/usr/bin/chromium';
const fromEnv = process.env.CHROMIUM_PATH;
const target = fromEnv || DEFAULT_PATH;

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function version(path) {
  const r = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  return r.status === 0 ? r.stdout.trim() : null;
}

function fail(reason) {
  const bar = '!'.repeat(78);
  console.error(`\n${bar}\n  END-TO-END TESTS CANNOT RUN: ${reason}\n`);
  console.error('  The e2e tests drive a real Chromium (playwright-core with a system browser).');
  console.error('  Get one of these ways:');
  console.error('    sudo apt-get update && sudo apt-get install -y chromium     (Debian/Ubuntu)');
  console.error('  or point CHROMIUM_PATH at an existing Chromium/Chrome binary, e.g.');
  console.error('    CHROMIUM_PATH=/path/to/chrome npm run test:e2e');
  console.error(`${bar}\n`);
  process.exit(1);
}

function run(cmd, args) {
  console.log(`[ensure-chromium] $ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.error) fail(`could not run ${cmd}: ${r.error.message}`);
  if (r.status !== 0) fail(`"${cmd} ${args.join(' ')}" exited with status ${r.status}`);
}

function found(path) {
  const v = version(path);
  console.log(`[ensure-chromium] using ${path}${v ? ` (${v})` : ''}`);
  process.exit(0);
}

if (isExecutable(target)) found(target);

if (fromEnv) fail(`CHROMIUM_PATH=${fromEnv} is not an executable file`);

console.log(`[ensure-chromium] ${DEFAULT_PATH} not found.`);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version') && isExecutable('/usr/bin/apt-get');
if (!isDebian) fail(`no Chromium at ${DEFAULT_PATH}, and this is not a Debian-like system with apt-get`);
if (!isRoot) fail(`no Chromium at ${DEFAULT_PATH}, and not running as root, so it cannot be installed automatically`);

console.log('[ensure-chromium] running as root on Debian: installing the "chromium" package');
run('apt-get', ['update']);
// Recommends would pull in desktop extras (upower, notification daemon, printer config);
// the browser and one metric-compatible font family are all the tests need.
run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-liberation']);

if (isExecutable(DEFAULT_PATH)) found(DEFAULT_PATH);
fail(`apt-get install finished but ${DEFAULT_PATH} is still missing`);
