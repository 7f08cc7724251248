import { describe, expect, it } from 'vitest';
import { countLines, lineNumbers, textWindow } from './text-window.ts';

describe('countLines', () => {
  it('counts lines as an editor numbers them', () => {
    expect(countLines('')).toBe(1);
    expect(countLines('a')).toBe(1);
    expect(countLines('a\n')).toBe(1);
    expect(countLines('a\nb')).toBe(2);
    expect(countLines('\n\n')).toBe(2);
  });
});

describe('textWindow', () => {
  it('shows a short text whole', () => {
    expect(textWindow('a\nb\n', 10, 100)).toEqual({ text: 'a\nb\n', shownLines: 2, totalLines: 2, totalChars: 4, truncated: false });
  });

  it('stops after the line cap, on a line boundary', () => {
    expect(textWindow('a\nb\nc', 2, 100)).toEqual({ text: 'a\nb\n', shownLines: 2, totalLines: 3, totalChars: 5, truncated: true });
  });

  it('cuts one very long line at the character cap', () => {
    expect(textWindow('x'.repeat(50), 10, 20)).toMatchObject({ text: 'x'.repeat(20), shownLines: 1, totalLines: 1, truncated: true });
  });

  it('windows 10 MB of newlines into a bounded text and gutter', () => {
    const text = '\n'.repeat(10 * 1024 * 1024);
    const window = textWindow(text, 10_000, 1_000_000);
    expect(window).toMatchObject({ shownLines: 10_000, totalLines: 10 * 1024 * 1024, truncated: true });
    expect(window.text.length).toBe(10_000);
    expect(lineNumbers(window.shownLines).length).toBeLessThan(60_000);
  });
});

describe('lineNumbers', () => {
  it('numbers from 1, one per line, with at least one', () => {
    expect(lineNumbers(3)).toBe('1\n2\n3');
    expect(lineNumbers(0)).toBe('1');
  });
});
