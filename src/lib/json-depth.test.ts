import { describe, expect, it } from 'vitest';
import { formatJson, jsonDepth, MAX_JSON_DEPTH } from './json-depth.ts';

const nested = (levels: number): unknown => JSON.parse('['.repeat(levels) + ']'.repeat(levels));

describe('jsonDepth', () => {
  it('counts levels of arrays and objects', () => {
    expect(jsonDepth(1)).toBe(0);
    expect(jsonDepth(null)).toBe(0);
    expect(jsonDepth([])).toBe(1);
    expect(jsonDepth({ a: [1, { b: 'x' }], c: 2 })).toBe(3);
  });

  it('measures 5,000 levels without overflowing the stack, stopping just past the limit', () => {
    const deep = nested(5000);
    expect(jsonDepth(deep, Infinity)).toBe(5000);
    expect(jsonDepth(deep)).toBe(MAX_JSON_DEPTH + 1);
  });
});

describe('formatJson', () => {
  it('pretty-prints ordinary JSON as JSON.stringify does', () => {
    expect(formatJson({ a: [1, 2] }, 2)).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');
  });

  it('gives up, rather than throwing, on JSON nested 5,000 levels deep', () => {
    expect(() => JSON.stringify(nested(5000), null, 2)).toThrow(RangeError);
    expect(formatJson(nested(5000), 2)).toBeUndefined();
    expect(formatJson(nested(MAX_JSON_DEPTH))).toBe('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH));
  });
});
