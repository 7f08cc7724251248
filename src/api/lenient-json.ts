// MLflow's ajax-only get-history-bulk is serialised by Flask's jsonify, which can emit bare
// NaN / Infinity / -Infinity tokens: invalid JSON for JSON.parse (docs/mlflow-wire.md, Bare NaN tokens).
// Retry such bodies with those tokens turned into the strings every other endpoint uses.

const BARE_NON_FINITE = /("(?:[^"\\]|\\.)*")|-?\bInfinity\b|\bNaN\b/g;

/**
 * int64 fields arrive as JSON numbers, and JSON.parse rounds those above 2^53 (a step of
 * 2^53 + 1 becomes 2^53). For the named keys, integers long enough to be past 2^53 (16 digits
 * and more) are quoted before parsing so their digits survive as strings; wire.ts reads both.
 * Only for bodies whose strings cannot hold `"key":` themselves (metric keys allow no quotes).
 */
export function quoteLongIntegers(text: string, keys: readonly string[]): string {
  if (keys.length === 0) return text;
  const pattern = new RegExp(`("(?:${keys.map((k) => k.replace(/[^\w]/g, '')).join('|')})"\\s*:\\s*)(-?\\d{16,})(?=\\s*[,}\\]])`, 'g');
  return text.replace(pattern, '$1"$2"');
}

export function parseJsonLenient(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (first) {
    const repaired = text.replace(BARE_NON_FINITE, (match: string, quoted: string | undefined) =>
      quoted !== undefined ? quoted : `"${match}"`,
    );
    if (repaired === text) throw first;
    return JSON.parse(repaired);
  }
}
