// Safe YAML for artifact files (MLmodel, conda.yaml, python_env.yaml). The `yaml` package with
// the core schema never instantiates code, and any tag outside that schema (`!!js/function`,
// `!!python/object`) is an error here, not a silently stringified value: MLflow's own UI once
// executed such tags from an MLmodel (mlflow#21422).
import { Composer, Lexer, LineCounter, Parser, type CST, type Document } from 'yaml';

/** MLmodel files are a few KB; anything far larger is not one MLflow wrote. */
export const MAX_YAML_CHARS = 1_000_000;

/**
 * Nesting allowed (collections, plus the parser's own frames for keys and items). The `yaml`
 * composer recurses once per level: 100 KB of `- - - …` or `[[[…` overflows the stack and
 * then exhausts memory (the tab dies), so depth is checked while the parser streams, before
 * anything is composed. MLflow's files nest fewer than ten levels.
 */
export const MAX_YAML_DEPTH = 64;

/** The `yaml` package's own bound on "billion laughs" alias expansion. */
const MAX_ALIAS_COUNT = 50;

export type YamlResult = { ok: true; value: unknown } | { ok: false; error: string };

class TooDeepError extends Error {}

export function parseYamlSafely(text: string): YamlResult {
  if (text.length > MAX_YAML_CHARS) {
    return {
      ok: false,
      error: `too large to parse (${text.length.toLocaleString('en-US')} characters; the limit is ${MAX_YAML_CHARS.toLocaleString('en-US')})`,
    };
  }
  const lines = new LineCounter();
  let doc: Document.Parsed | undefined;
  try {
    // parseDocument's pipeline (lexer → parser → composer), with the depth check in between.
    const composer = new Composer({ schema: 'core', uniqueKeys: true, strict: true });
    for (const next of composer.compose(depthCheckedTokens(text, lines), true, text.length)) {
      if (doc) return { ok: false, error: 'holds more than one YAML document' };
      doc = next;
    }
  } catch (err) {
    if (err instanceof TooDeepError) return { ok: false, error: `nested deeper than ${MAX_YAML_DEPTH} levels` };
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  if (!doc) return { ok: true, value: null };
  const problem = doc.errors[0] ?? doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (problem) {
    const { line, col } = lines.linePos(problem.pos[0]);
    return { ok: false, error: `${firstLine(problem.message)} at line ${line}, column ${col}` };
  }
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? firstLine(err.message) : String(err) };
  }
}

function* depthCheckedTokens(text: string, lines: LineCounter): Generator<CST.Token> {
  const parser = new Parser(lines.addNewLine);
  lines.addNewLine(0); // as Parser.parse does before its first token
  for (const lexeme of new Lexer().lex(text)) {
    yield* parser.next(lexeme);
    if (parser.stack.length > MAX_YAML_DEPTH) throw new TooDeepError();
  }
  yield* parser.end();
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
