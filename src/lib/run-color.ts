// One colour per run, the same everywhere and on every load: a hash of the run id picks from
// a palette chosen to stay distinct on white and dark backgrounds (Tableau 10).

const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#17becf'];

/** FNV-1a: small, fast, and well spread over short hex ids. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function runColor(runId: string): string {
  return PALETTE[hash(runId) % PALETTE.length] as string;
}
