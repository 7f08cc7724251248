// Run colours by position in the view: the first run of a comparison is always blue, the second
// orange, and so on, so one URL draws the same colours everywhere and on every machine, and no
// two of up to 20 runs share a colour (a hash of the run id made collisions likely from 4 runs).
//
// The first eight are Okabe & Ito's colour-blind-safe set (grey in place of black, which
// vanishes on the dark theme); the other twelve were picked greedily for the largest colour
// difference (CIELAB) to all before them, among colours legible on both themes' backgrounds.

export const RUN_PALETTE = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#d55e00',
  '#cc79a7',
  '#56b4e9',
  '#f0e442',
  '#999999',
  '#c77cff',
  '#be0032',
  '#aa7744',
  '#cf1c90',
  '#7cae00',
  '#7f3c8d',
  '#f97b72',
  '#00bfc4',
  '#999933',
  '#c2b280',
  '#e73f74',
  '#80ba5a',
] as const;

/** The colour of the run at `position` in the view's run list; past the palette it repeats. */
export function colorAt(position: number): string {
  return RUN_PALETTE[position % RUN_PALETTE.length] as string;
}

/** Each run's colour by its first position in `runIds` (the view's run order). */
export function runColors(runIds: readonly string[]): Map<string, string> {
  const colors = new Map<string, string>();
  for (const runId of runIds) if (!colors.has(runId)) colors.set(runId, colorAt(colors.size));
  return colors;
}
