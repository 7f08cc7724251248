// Code to copy for a model: load it, serve it, and call the served model with the logged
// serving example. Values are quoted for the language they land in, never pasted raw.
import { formatJson } from '@/lib/json-depth.ts';

export interface SnippetInput {
  /** `runs:/<run>/<path>` or `models:/<model_id>`. */
  modelUri: string;
  /** The logged serving example's text (the /invocations request body), if any. */
  servingExample: string | undefined;
}

export interface Snippets {
  load: string;
  serve: string;
  invoke: string | undefined;
}

export function runModelUri(runId: string, artifactPath: string): string {
  return `runs:/${runId}/${artifactPath.replace(/^\/+|\/+$/g, '')}`;
}

export function loggedModelUri(modelId: string): string {
  return `models:/${modelId}`;
}

export const SERVE_PORT = 5001;

export function buildSnippets({ modelUri, servingExample }: SnippetInput): Snippets {
  const load = [
    'import mlflow',
    '',
    `model = mlflow.pyfunc.load_model(${pythonString(modelUri)})`,
    'predictions = model.predict(data)',
  ].join('\n');
  const serve = `mlflow models serve -m ${shellQuote(modelUri)} --port ${SERVE_PORT}`;
  const invoke =
    servingExample === undefined
      ? undefined
      : [
          `curl http://127.0.0.1:${SERVE_PORT}/invocations \\`,
          `  -H 'Content-Type: application/json' \\`,
          `  -d ${shellQuote(compactJson(servingExample))}`,
        ].join('\n');
  return { load, serve, invoke };
}

/** The example on one line when it is JSON (a shell argument), else as written (also when it nests too deeply to re-write). */
function compactJson(text: string): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text.trim();
  }
  return formatJson(value) ?? text.trim();
}

/** A Python string literal: JSON's escapes are Python's. A string has nothing to nest, so this cannot throw. */
export function pythonString(value: string): string {
  return JSON.stringify(value);
}

/** POSIX single quotes: nothing inside is interpreted; a ' becomes '\''. */
export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
