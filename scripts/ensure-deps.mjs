#!/usr/bin/env node
// Runs before `npm run demo` and `npm test` on a fresh clone: installs the npm dependencies
// when they are missing or older than package-lock.json. Plain JavaScript with no imports
// outside Node, because nothing else is installed yet when it runs.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const installed = 'node_modules/.package-lock.json';
const stale = !existsSync(installed) || statSync(installed).mtimeMs < statSync('package-lock.json').mtimeMs;
if (stale) {
  console.log('Installing npm dependencies (npm ci)…');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
}
