// Budget for the first page's JavaScript (the experiment list): the entry chunk, the home
// route's lazy chunk and everything they import statically, gzip-compressed. Fails the build
// when over. Charts and other views load lazily and are listed separately.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 150;
const CLIENT_DIR = path.resolve('dist/client');
const FIRST_PAGE_ROUTE = 'src/app/routes/experiments.tsx';
// main.tsx imports the app dynamically (after priming the first requests); it is first-page code all the same.
const APP = 'src/app/app.tsx';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

const manifest = JSON.parse(readFileSync(path.join(CLIENT_DIR, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
const gzipKb = (file: string) => gzipSync(readFileSync(path.join(CLIENT_DIR, file)), { level: 9 }).length / 1024;

function staticClosure(keys: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  keys.forEach(visit);
  return seen;
}

const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
for (const key of [FIRST_PAGE_ROUTE, APP]) if (!manifest[key]) throw new Error(`${key} is not a chunk in the manifest`);
const firstPage = staticClosure([...entries, APP, FIRST_PAGE_ROUTE]);

let total = 0;
console.log('\nFirst-page JavaScript (gzip):');
for (const key of firstPage) {
  const chunk = manifest[key];
  if (!chunk?.file.endsWith('.js')) continue;
  const kb = gzipKb(chunk.file);
  total += kb;
  console.log(`  ${kb.toFixed(1).padStart(7)} KB  ${chunk.file}`);
}
const lazy = Object.values(manifest).filter((c) => c.file.endsWith('.js') && ![...firstPage].some((k) => manifest[k]?.file === c.file));
for (const chunk of lazy) console.log(`  ${gzipKb(chunk.file).toFixed(1).padStart(7)} KB  ${chunk.file} (lazy)`);
console.log(`  ${total.toFixed(1).padStart(7)} KB  total for the first page (budget ${BUDGET_KB} KB)\n`);
if (total > BUDGET_KB) {
  console.error(`First-page JavaScript is ${total.toFixed(1)} KB gzip, over the ${BUDGET_KB} KB budget.`);
  process.exit(1);
}
