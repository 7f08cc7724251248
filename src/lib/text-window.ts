// The part of a long text a preview shows at once, and its line numbers. A 10 MB file of
// newlines is ten million lines: numbering all of them built an ~80 MB string, and one text node
// of 10 MB freezes layout. Previews show a window from the start and grow it on request.

export interface TextWindow {
  /** The text shown: whole lines, unless one line alone passes the character cap. */
  text: string;
  shownLines: number;
  totalLines: number;
  totalChars: number;
  truncated: boolean;
}

/** Lines as an editor numbers them: a final newline does not start another line; "" is one line. */
export function countLines(text: string): number {
  let newlines = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) newlines++;
  return text.endsWith('\n') ? Math.max(1, newlines) : newlines + 1;
}

/** The first `maxLines` lines of `text`, cut at `maxChars` characters if they are longer. */
export function textWindow(text: string, maxLines: number, maxChars: number): TextWindow {
  let end = 0;
  for (let line = 0; line < maxLines && end < text.length; line++) {
    const newline = text.indexOf('\n', end);
    end = newline === -1 ? text.length : newline + 1;
  }
  end = Math.min(end, maxChars);
  const shown = text.slice(0, end);
  return {
    text: shown,
    shownLines: countLines(shown),
    totalLines: countLines(text),
    totalChars: text.length,
    truncated: end < text.length,
  };
}

/** "1\n2\n…\ncount", the gutter beside `count` lines. */
export function lineNumbers(count: number): string {
  const numbers = new Array<number>(Math.max(1, count));
  for (let i = 0; i < numbers.length; i++) numbers[i] = i + 1;
  return numbers.join('\n');
}
