// Writes a .br and a .gz beside each text file of the build (dist/client), at the highest
// levels: they are made once here, and `runlens serve` sends them (sirv, server/app.ts) to
// browsers that accept them, spending no CPU per request. Run by `npm run build` after
// `vite build`, which empties dist/client, so no sibling outlives its file.
//
//   npx tsx scripts/precompress.ts [dir]   (default dist/client)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Text formats only: woff2, images and the like are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|xml|webmanifest|ico|ttf|otf)$/i;
/** `Content-Encoding: gzip` and `Vary: Accept-Encoding` cost about this much on the wire. */
const HEADER_BYTES = 48;

export interface Precompressed {
  file: string;
  bytes: number;
  br: number;
  gz: number;
}

/**
 * Compresses every eligible file under `dir` (dot-folders such as .vite, which sirv never serves,
 * are skipped). A variant is written only if it is smaller, with room for its Content-Encoding
 * header; index.html (under 1 KB, and sent for every client route) is compressed too.
 */
export async function precompressDir(dir: string): Promise<Precompressed[]> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && COMPRESSIBLE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter(
      (file) =>
        !path
          .relative(dir, file)
          .split(path.sep)
          .some((part) => part.startsWith('.')),
    );
  const done: Precompressed[] = [];
  // One file at a time: brotli at quality 11 is CPU-bound and the builder may share its cores.
  for (const file of files) {
    const bytes = readFileSync(file);
    const br = await brotli(bytes, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
    const gz = await gzip(bytes, { level: zlib.constants.Z_BEST_COMPRESSION });
    if (br.length + HEADER_BYTES < bytes.length) writeFileSync(`${file}.br`, br);
    if (gz.length + HEADER_BYTES < bytes.length) writeFileSync(`${file}.gz`, gz);
    done.push({ file: path.relative(dir, file), bytes: bytes.length, br: br.length, gz: gz.length });
  }
  return done;
}

if (path.resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] ?? 'dist/client');
  const done = await precompressDir(dir);
  const sum = (pick: (row: Precompressed) => number) => done.reduce((total, row) => total + pick(row), 0) / 1024;
  console.log(
    `precompressed ${done.length} files in ${path.relative(process.cwd(), dir) || '.'}: ` +
      `${sum((row) => row.bytes).toFixed(0)} KB → ${sum((row) => row.br).toFixed(0)} KB brotli, ${sum((row) => row.gz).toFixed(0)} KB gzip`,
  );
}
