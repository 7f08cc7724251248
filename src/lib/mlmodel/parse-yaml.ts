// Safe YAML for artifact files (MLmodel, conda.yaml, python_env.yaml). The `yaml` package with
// the core schema never instantiates code, and any tag outside that schema (`!!js/function`,
// `!!python/object`) is an error here, not a silently stringified value: MLflow's own UI once
// executed such tags from an MLmodel (mlflow#21422).
import { parseDocument } from 'yaml';

/** MLmodel files are a few KB; anything far larger is not one MLflow wrote. */
export const MAX_YAML_CHARS = 1_000_000;

export type YamlResult = { ok: true; value: unknown } | { ok: false; error: string };

export function parseYamlSafely(text: string): YamlResult {
  if (text.length > MAX_YAML_CHARS) {
    return { ok: false, error: `too large to parse (${text.length.toLocaleString('en-US')} characters; the limit is ${MAX_YAML_CHARS.toLocaleString('en-US')})` };
  }
  let doc;
  try {
    doc = parseDocument(text, { schema: 'core', uniqueKeys: true, prettyErrors: true, strict: true });
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  const problem = doc.errors[0] ?? doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (problem) return { ok: false, error: firstLine(problem.message) };
  try {
    // maxAliasCount bounds "billion laughs" alias expansion.
    return { ok: true, value: doc.toJS({ maxAliasCount: 50 }) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? firstLine(err.message) : String(err) };
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
