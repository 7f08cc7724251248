// Which way is better for a metric. MLflow stores no such fact, so it is guessed from the key
// and the user may override it; the overrides live in the URL (`rmse:max,acc%2Cx:min`).
import { splitList } from '@/lib/search-params.ts';

export type BestDirection = 'min' | 'max';

/** Words naming an error or loss: what a model's quality is measured by, lower being better. */
const ERROR_WORDS = new Set([
  'loss',
  'losses',
  'errors',
  'error',
  'err',
  'rmse',
  'mse',
  'mae',
  'mape',
  'smape',
  'rmsle',
  'logloss',
  'nll',
  'bpd',
  'perplexity',
  'ppl',
  'wer',
  'cer',
]);

/**
 * Words naming a quantity where lower is better: the errors and losses, and costs. `rank` and
 * `std` come from GridSearchCV's rank_test_score (1 is best) and std_test_score (less spread
 * across folds is better).
 */
const LOWER_IS_BETTER = new Set([
  ...ERROR_WORDS,
  'fpr',
  'fnr',
  'latency',
  'time',
  'duration',
  'seconds',
  'cost',
  'rank',
  'distance',
  'regret',
  'std',
]);

/** A key's word that names an error or a loss ("loss", "rmse", or a compound ending in "loss"). */
export const isErrorWord = (token: string) => ERROR_WORDS.has(token) || token.endsWith('loss');

/** The words of a key, lower-cased: split on `_ - . /`, whitespace and camelCase boundaries. */
export function keyTokens(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[_\-./\s]+/)
    .filter((token) => token !== '');
}

/** Lower is better for losses and errors, guessed from the metric's name; higher otherwise. */
export function guessDirection(metricKey: string): BestDirection {
  const whole = metricKey.toLowerCase();
  if (LOWER_IS_BETTER.has(whole) || whole.endsWith('loss')) return 'min';
  // Compounds such as "valloss" or "train/epochLoss" end in "loss" without a separator.
  const lower = keyTokens(metricKey).some((token) => LOWER_IS_BETTER.has(token) || token.endsWith('loss'));
  return lower ? 'min' : 'max';
}

export function bestDirection(metricKey: string, overrides: Readonly<Record<string, BestDirection>>): BestDirection {
  const override = Object.hasOwn(overrides, metricKey) ? overrides[metricKey] : undefined;
  return override === 'min' || override === 'max' ? override : guessDirection(metricKey);
}

function isDirection(value: unknown): value is BestDirection {
  return value === 'min' || value === 'max';
}

/**
 * encodeURIComponent per code point, so `,` `:` and `%` never appear raw in a key. A lone
 * surrogate (which encodeURIComponent refuses) is kept as it is: decodeURIComponent passes it
 * through, so every key round-trips.
 */
const LONE_SURROGATE = /^[\uD800-\uDFFF]$/;

function encodeKey(key: string): string {
  let encoded = '';
  for (const char of key) {
    encoded += LONE_SURROGATE.test(char) ? char : encodeURIComponent(char);
  }
  return encoded;
}

function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** URL form of the overrides, e.g. "rmse:max,acc%2Cx:min" (keys percent-encoded, sorted). */
export function encodeDirections(overrides: Readonly<Record<string, BestDirection>>): string {
  return (
    Object.entries(overrides)
      .filter(([, direction]) => isDirection(direction))
      .map(([key, direction]) => [encodeKey(key), direction] as const)
      // Code-unit order: one text per set of overrides, so equal states give equal URLs.
      .sort(([a], [b]) => codeUnitOrder(a, b))
      .map(([key, direction]) => `${key}:${direction}`)
      .join(',')
  );
}

/** Tolerant: malformed parts are dropped. */
export function decodeDirections(text: string): Record<string, BestDirection> {
  const entries: [string, BestDirection][] = [];
  for (const part of splitList(text)) {
    const colon = part.lastIndexOf(':');
    if (colon < 0) continue;
    const direction = part.slice(colon + 1);
    if (!isDirection(direction)) continue;
    try {
      entries.push([decodeURIComponent(part.slice(0, colon)), direction]);
    } catch {
      // A hand-edited link with a broken escape ("%E0%A4") loses that part only.
    }
  }
  // fromEntries defines own properties, so a metric named "__proto__" is kept, not swallowed.
  return Object.fromEntries(entries);
}
