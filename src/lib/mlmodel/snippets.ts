// Code to copy for a model: load it, serve it, and call the served model with the logged
// serving example. Values are quoted for the language they land in, never pasted raw.
import { formatJson } from '@/lib/json-depth.ts';

export interface SnippetInput {
  /** `runs:/<run>/<path>`, `models:/<model_id>` or a registered version's `models:/<name>/<version>`. */
  modelUri: string;
  /** The logged serving example's text (the /invocations request body), if any. */
  servingExample: string | undefined;
  /** `models:/<name>@<alias>` URIs that point at this version now, offered as alternatives. */
  aliasUris?: readonly string[];
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

/** A registered model's version: always that version. */
export function registeredVersionUri(modelName: string, version: string): string {
  return `models:/${modelName}/${version}`;
}

/** A registered model's alias: whatever version the alias points at when the URI is loaded. */
export function registeredAliasUri(modelName: string, alias: string): string {
  return `models:/${modelName}@${alias}`;
}

export const SERVE_PORT = 5001;

export function buildSnippets({ modelUri, servingExample, aliasUris = [] }: SnippetInput): Snippets {
  const byAlias = aliasUris.flatMap((uri) => [
    '# or whatever version the alias points at when this runs:',
    `# model = mlflow.pyfunc.load_model(${pythonString(uri)})`,
  ]);
  const load = [
    'import mlflow',
    '',
    `model = mlflow.pyfunc.load_model(${pythonString(modelUri)})`,
    ...byAlias,
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
