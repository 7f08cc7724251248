// The compare table: one row per param, metric and tag any of the compared runs logged, one
// column per run. Which rows differ, which runs hold the best value and how dict-valued params
// read are decided here, so the table component only draws.
import { compareText } from '../../../contract/display/compare.ts';
import { bestDirection, type BestDirection } from './best-direction.ts';
import { bestValue } from './best-value.ts';
import type { RunValues } from './types.ts';

export interface TextRow {
  key: string;
  /** Per run, in the runs' order; undefined where the run has no such key. */
  values: readonly (string | undefined)[];
  /** Per run: the value pretty-printed when it is a dict or list (JSON or Python repr), else the value. */
  display: readonly (string | undefined)[];
  /** Not all runs have the same value (a missing value differs from any present one). */
  differs: boolean;
}

export interface MetricRow {
  key: string;
  latest: readonly (number | undefined)[];
  /** From the histories once loaded (the `ranges` option); undefined until then. */
  min: readonly (number | undefined)[];
  max: readonly (number | undefined)[];
  direction: BestDirection;
  /** Per run: holds the best latest value (ties all best); all false when fewer than 2 runs have a finite value. */
  best: readonly boolean[];
  differs: boolean;
}

export interface CompareModel {
  params: readonly TextRow[];
  metrics: readonly MetricRow[];
  /** `mlflow.*` only when systemTags. */
  tags: readonly TextRow[];
  /** Counts before "only differences" hid rows, for "Parameters (2 of 14)". */
  totals: { params: number; metrics: number; tags: number };
}

export interface CompareModelOptions {
  onlyDifferences: boolean;
  systemTags: boolean;
  directions: Readonly<Record<string, BestDirection>>;
  /** min/max of a run's metric history once loaded, else undefined. */
  ranges?: (runId: string, metricKey: string) => { min: number; max: number } | undefined;
}

/** "Only differences" is on by default above this many params. */
export const ONLY_DIFFERENCES_ABOVE = 10;

type Token = { kind: 'open' | 'close' | 'comma' | 'colon' | 'value'; text: string };

const PUNCTUATION: Readonly<Record<string, Token['kind']>> = {
  '{': 'open',
  '[': 'open',
  '}': 'close',
  ']': 'close',
  ',': 'comma',
  ':': 'colon',
};
const WORDS: Readonly<Record<string, string>> = { true: 'true', false: 'false', null: 'null', True: 'true', False: 'false', None: 'null' };
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
const HEX_ESCAPE_LENGTH: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z]+/y;

/** A quoted string (JSON, or Python's repr with either quote) from `start`; its text and where it ends. */
function readString(text: string, start: number): { value: string; end: number } | undefined {
  const quote = text[start];
  let value = '';
  for (let i = start + 1; i < text.length; i += 1) {
    const char = text[i] as string;
    if (char === quote) return { value, end: i + 1 };
    if (char < ' ') return undefined;
    if (char !== '\\') {
      value += char;
      continue;
    }
    const escape = text[i + 1] ?? '';
    const hexLength = HEX_ESCAPE_LENGTH[escape];
    if (hexLength !== undefined) {
      const hex = text.slice(i + 2, i + 2 + hexLength);
      const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === hexLength ? Number.parseInt(hex, 16) : NaN;
      if (!(code <= 0x10ffff)) return undefined;
      value += String.fromCodePoint(code);
      i += 1 + hexLength;
    } else if (Object.hasOwn(SIMPLE_ESCAPES, escape)) {
      value += SIMPLE_ESCAPES[escape];
      i += 1;
    } else {
      return undefined;
    }
  }
  return undefined;
}

/** JSON or a Python repr as JSON tokens; undefined at anything else (a tuple, nan, an object's repr). */
function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    const punctuation = PUNCTUATION[char];
    if (/\s/.test(char)) {
      i += 1;
    } else if (punctuation !== undefined) {
      tokens.push({ kind: punctuation, text: char });
      i += 1;
    } else if (char === '"' || char === "'") {
      const string = readString(text, i);
      if (string === undefined) return undefined;
      tokens.push({ kind: 'value', text: JSON.stringify(string.value) });
      i = string.end;
    } else {
      WORD.lastIndex = i;
      NUMBER.lastIndex = i;
      const word = WORD.exec(text)?.[0];
      const number = word === undefined ? NUMBER.exec(text)?.[0] : undefined;
      const json = word !== undefined && Object.hasOwn(WORDS, word) ? WORDS[word] : number;
      if (json === undefined) return undefined;
      // Numbers keep their logged text: 1e-05 stays 1e-05, and big integers keep their digits.
      tokens.push({ kind: 'value', text: json });
      i += (word ?? number ?? '').length;
    }
  }
  return tokens;
}

/** JSON.stringify(value, null, 2)'s layout, drawn from the tokens. */
function layout(tokens: readonly Token[]): string {
  let out = '';
  let depth = 0;
  const newline = () => `\n${'  '.repeat(depth)}`;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    if (token.kind === 'open') {
      const next = tokens[i + 1];
      if (next?.kind === 'close') {
        out += token.text + next.text;
        i += 1;
      } else {
        depth += 1;
        out += token.text + newline();
      }
    } else if (token.kind === 'close') {
      depth -= 1;
      out += newline() + token.text;
    } else if (token.kind === 'comma') {
      out += `,${newline()}`;
    } else if (token.kind === 'colon') {
      out += ': ';
    } else {
      out += token.text;
    }
  }
  return out;
}

/**
 * A dict or list param pretty-printed with 2-space indentation, else the value as logged.
 * MLflow's log_params stores str(value), so dicts often arrive as Python reprs
 * (`{'a': 1, 'b': [True, None]}`); those are read conservatively: quoted strings, numbers,
 * True/False/None and brackets only, and the result must parse as JSON.
 */
export function prettyValue(value: string): string {
  const trimmed = value.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return value;
  const tokens = tokenize(trimmed);
  if (tokens === undefined) return value;
  try {
    // Spaced, so two adjacent values (`[1 2]`) cannot read as one (`[12]`).
    JSON.parse(tokens.map((token) => token.text).join(' '));
  } catch {
    return value;
  }
  return layout(tokens);
}

function unionKeys(records: readonly Readonly<Record<string, unknown>>[]): string[] {
  const keys = new Set<string>();
  for (const record of records) for (const key of Object.keys(record)) keys.add(key);
  return [...keys].sort(compareText);
}

function textRow(key: string, records: readonly Readonly<Record<string, string>>[]): TextRow {
  const values = records.map((record) => (Object.hasOwn(record, key) ? record[key] : undefined));
  return {
    key,
    values,
    display: values.map((value) => (value === undefined ? undefined : prettyValue(value))),
    differs: values.some((value) => value !== values[0]),
  };
}

function sameLatest(a: number | undefined, b: number | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && Number.isNaN(a) && Number.isNaN(b));
}

function metricRow(key: string, runs: readonly RunValues[], options: CompareModelOptions): MetricRow {
  const latest = runs.map((run) => (Object.hasOwn(run.metrics, key) ? run.metrics[key] : undefined));
  const ranges = runs.map((run) => options.ranges?.(run.runId, key));
  const direction = bestDirection(key, options.directions);
  const target = bestValue(latest, direction);
  return {
    key,
    latest,
    min: ranges.map((range) => range?.min),
    max: ranges.map((range) => range?.max),
    direction,
    best: latest.map((value) => target !== undefined && value === target),
    differs: latest.some((value) => !sameLatest(value, latest[0])),
  };
}

export function compareModel(runs: readonly RunValues[], options: CompareModelOptions): CompareModel {
  const paramRecords = runs.map((run) => run.params);
  const tagRecords = runs.map((run) => run.tags);
  const params = unionKeys(paramRecords).map((key) => textRow(key, paramRecords));
  const metrics = unionKeys(runs.map((run) => run.metrics)).map((key) => metricRow(key, runs, options));
  const tags = unionKeys(tagRecords)
    .filter((key) => options.systemTags || !key.startsWith('mlflow.'))
    .map((key) => textRow(key, tagRecords));
  const shown = <Row extends { differs: boolean }>(rows: Row[]) => (options.onlyDifferences ? rows.filter((row) => row.differs) : rows);
  return {
    params: shown(params),
    metrics: shown(metrics),
    tags: shown(tags),
    totals: { params: params.length, metrics: metrics.length, tags: tags.length },
  };
}
