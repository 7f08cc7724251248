// The report spec: a YAML file naming a title, optional text and the views to render, each with
// a caption. Validated strictly (an unknown key is a typo to report, not to ignore), and every
// error names the field it is about, e.g. `sections[2].caption`.
import { parse as parseYaml, YAMLParseError } from 'yaml';
import * as z from 'zod/mini';

/** Viewport bounds for one section: wide enough for a chart grid, small enough to stay a page. */
const MIN_WIDTH = 320;
const MAX_WIDTH = 4096;
const MIN_HEIGHT = 200;
const MAX_HEIGHT = 16384;

const nonBlank = (what: string) => z.string().check(z.refine((s) => s.trim() !== '', `${what} must not be empty`));

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const sectionSchema = z.strictObject({
  view: nonBlank('view'),
  caption: nonBlank('caption'),
  width: z.optional(z.int().check(z.gte(MIN_WIDTH), z.lte(MAX_WIDTH))),
  height: z.optional(z.int().check(z.gte(MIN_HEIGHT), z.lte(MAX_HEIGHT))),
});

const specSchema = z.strictObject({
  title: nonBlank('title'),
  text: z.optional(z.union([z.string(), z.array(z.string())])),
  // Not z.httpUrl(): its host must be a domain name, and tracking servers are often 127.0.0.1 or localhost.
  tracking_uri: z.optional(z.string().check(z.refine(isHttpUrl, 'must be an http(s) URL'))),
  sections: z.array(sectionSchema).check(z.minLength(1, 'a report needs at least one section')),
});

export interface ReportSection {
  /** As written: a Runlens path (`/experiments/1?…`) or a full Runlens URL. */
  view: string;
  caption: string;
  width: number | undefined;
  height: number | undefined;
}

export interface ReportSpec {
  title: string;
  /** Paragraphs, in order; a single string is split on blank lines. */
  paragraphs: string[];
  trackingUri: string | undefined;
  sections: ReportSection[];
}

export class ReportSpecError extends Error {}

/** Parses and validates a spec's YAML text; `source` names the file in error messages. */
export function parseReportSpec(yamlText: string, source: string): ReportSpec {
  let raw: unknown;
  try {
    raw = parseYaml(yamlText);
  } catch (err) {
    if (err instanceof YAMLParseError) throw new ReportSpecError(`${source}: not valid YAML: ${err.message}`);
    throw err;
  }
  const result = specSchema.safeParse(raw ?? {});
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${fieldName(issue.path)}: ${describeIssue(issue)}`);
    throw new ReportSpecError(`${source}: invalid report spec\n${problems.join('\n')}`);
  }
  const spec = result.data;
  for (const [index, section] of spec.sections.entries()) checkView(section.view, `sections[${index}].view`, source);
  const text = spec.text ?? [];
  return {
    title: spec.title.trim(),
    paragraphs: (typeof text === 'string' ? text.split(/\n\s*\n/) : text).map((p) => p.trim()).filter((p) => p !== ''),
    trackingUri: spec.tracking_uri,
    sections: spec.sections.map((s) => ({ view: s.view.trim(), caption: s.caption.trim(), width: s.width, height: s.height })),
  };
}

function checkView(view: string, field: string, source: string): void {
  const trimmed = view.trim();
  if (trimmed.startsWith('/')) return;
  if (isHttpUrl(trimmed)) return;
  throw new ReportSpecError(
    `${source}: invalid report spec\n  ${field}: must be a Runlens path starting with "/" or an http(s) URL, got "${trimmed}"`,
  );
}

function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path.reduce<string>(
    (name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)),
    '',
  );
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  if (issue.code === 'unrecognized_keys')
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}
