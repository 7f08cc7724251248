// MLflow's ajax-only get-history-bulk is serialised by Flask's jsonify, which can emit bare
// NaN / Infinity / -Infinity tokens: invalid JSON for JSON.parse (mlflow-api.md §0 #3).
// Retry such bodies with those tokens turned into the strings every other endpoint uses.

const BARE_NON_FINITE = /("(?:[^"\\]|\\.)*")|-?\bInfinity\b|\bNaN\b/g;

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
