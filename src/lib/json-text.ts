// Parsed JSON as text for a view to show, whatever the data: formatJson (json-depth.ts) gives up
// on JSON nested deeper than MAX_JSON_DEPTH or too long to write, and a view then shows a note
// in its place instead of throwing while it renders.
import { formatJson, jsonDepth, MAX_JSON_DEPTH } from './json-depth.ts';

export const TOO_DEEP_NOTE = `(nested deeper than ${MAX_JSON_DEPTH} levels: download the file to read it)`;
export const TOO_LONG_NOTE = '(too long to show here: download the file to read it)';

/** `value` as JSON text, or a note saying why it is not shown; `undefined` is written as ''. */
export function jsonText(value: unknown, indent?: number): string {
  if (value === undefined) return '';
  const text = formatJson(value, indent);
  if (text !== undefined) return text;
  if (typeof value === 'object' && value !== null && jsonDepth(value) > MAX_JSON_DEPTH) return TOO_DEEP_NOTE;
  return TOO_LONG_NOTE;
}

/** JSON text re-indented for reading, or as written when it is not JSON or cannot be re-written. */
export function prettyJsonText(text: string, indent = 2): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text;
  }
  return formatJson(value, indent) ?? text;
}
