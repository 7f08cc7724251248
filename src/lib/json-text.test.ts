import { describe, expect, it, vi } from 'vitest';
import { jsonText, prettyJsonText, TOO_DEEP_NOTE, TOO_LONG_NOTE } from './json-text.ts';

const deepText = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('jsonText', () => {
  it('writes values as JSON, indented on request, and undefined as nothing', () => {
    expect(jsonText({ a: [1, 'x'] })).toBe('{"a":[1,"x"]}');
    expect(jsonText({ a: 1 }, 2)).toBe('{\n  "a": 1\n}');
    expect(jsonText(null)).toBe('null');
    expect(jsonText(undefined)).toBe('');
  });

  it('gives the note instead of throwing for a value nested 5,000 levels deep', () => {
    expect(jsonText(JSON.parse(deepText(5000)), 2)).toBe(TOO_DEEP_NOTE);
    expect(TOO_DEEP_NOTE).toBe('(nested deeper than 100 levels: download the file to read it)');
  });

  it('gives the other note for a value longer than the engine can write out', () => {
    // Reaching V8's string limit for real takes half a gigabyte; the engine's answer is simulated.
    const stringify = vi.spyOn(JSON, 'stringify').mockImplementation(() => {
      throw new RangeError('Invalid string length');
    });
    try {
      expect(jsonText([['x']], 2)).toBe(TOO_LONG_NOTE);
    } finally {
      stringify.mockRestore();
    }
  });
});

describe('prettyJsonText', () => {
  it('re-indents JSON and leaves text that is not JSON as written', () => {
    expect(prettyJsonText('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyJsonText('not json {')).toBe('not json {');
  });

  it('leaves JSON nested 5,000 levels deep as written instead of throwing', () => {
    expect(prettyJsonText(deepText(5000))).toBe(deepText(5000));
  });
});
