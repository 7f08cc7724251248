import { describe, expect, it } from 'vitest';
import { formatShape, parseParams, parseSchema } from './signature.ts';

describe('parseSchema', () => {
  it('reads column specs with nested array, object and map types', () => {
    const raw = JSON.stringify([
      { type: 'double', name: 'x', required: true },
      { type: 'array', items: { type: 'string' }, name: 'tags', required: false },
      {
        type: 'object',
        properties: { a: { type: 'long', required: true }, b: { type: 'array', items: { type: 'double' }, required: false } },
        name: 'obj',
        required: true,
      },
      { type: 'map', values: { type: 'double' }, name: 'm', required: true },
      { type: 'any', name: 'extra', required: false },
    ]);
    const result = parseSchema(raw);
    expect(result.ok && result.value).toEqual({
      kind: 'columns',
      columns: [
        { name: 'x', type: 'double', required: true, children: [] },
        { name: 'tags', type: 'array<string>', required: false, children: [] },
        {
          name: 'obj',
          type: 'object',
          required: true,
          children: [
            { name: 'a', type: 'long', required: true, children: [] },
            { name: 'b', type: 'array<double>', required: false, children: [] },
          ],
        },
        { name: 'm', type: 'map<double>', required: true, children: [] },
        { name: 'extra', type: 'any', required: false, children: [] },
      ],
    });
  });

  it('understands the older `optional` form and specs with neither key', () => {
    const result = parseSchema('[{"type": "string", "name": "a", "optional": true}, {"type": "long", "name": "b"}]');
    expect(result.ok && result.value.kind === 'columns' && result.value.columns.map((c) => c.required)).toEqual([false, true]);
  });

  it('reads tensor specs, -1 as any', () => {
    const result = parseSchema('[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 28, 28]}, "name": "image"}]');
    expect(result.ok && result.value).toEqual({ kind: 'tensors', tensors: [{ name: 'image', dtype: 'float32', shape: [null, 28, 28] }] });
    expect(formatShape([null, 28, 28])).toBe('(any, 28, 28)');
  });

  it('reports invalid JSON and wrong shapes with the raw text', () => {
    expect(parseSchema('[{"type": ')).toMatchObject({ ok: false, raw: '[{"type": ' });
    expect(parseSchema('{"type": "double"}')).toMatchObject({ ok: false, error: expect.stringMatching(/list/) });
    expect(parseSchema(42)).toMatchObject({ ok: false });
  });

  it('accepts an already-parsed list', () => {
    expect(parseSchema([{ type: 'double', name: 'x' }]).ok).toBe(true);
  });
});

describe('parseParams', () => {
  it('reads params with defaults and shapes, and the legacy dtype key', () => {
    const result = parseParams(
      '[{"name": "temperature", "type": "float", "default": 0.5, "shape": null}, {"name": "stop", "dtype": "string", "default": ["a"], "shape": [-1]}]',
    );
    expect(result.ok && result.value).toEqual([
      { name: 'temperature', type: 'float', default: 0.5, shape: null },
      { name: 'stop', type: 'string', default: ['a'], shape: [null] },
    ]);
  });
});

describe('hostile signatures', () => {
  it('cuts types nested thousands deep short instead of overflowing the stack', () => {
    const levels = 5000;
    const raw = `[{"name": "x", "type": "array", "items": ${'{"type": "array", "items": '.repeat(levels)}{"type": "double"}${'}'.repeat(levels)}}]`;
    const result = parseSchema(raw);
    if (!result.ok || result.value.kind !== 'columns') throw new Error('expected columns');
    expect(result.value.columns[0]?.type).toMatch(/^array<array<.*nested too deeply>+$/);
  });

  it('reports a deeply nested non-spec list with its raw text instead of throwing', () => {
    const raw = `[${'['.repeat(5000)}${']'.repeat(5000)}]`;
    expect(parseSchema(raw)).toEqual({ ok: false, error: 'a column spec is not an object', raw });
  });
});
