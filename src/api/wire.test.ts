import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { parseJsonLenient } from './lenient-json.ts';
import { double, id, int64, list, keyValue } from './wire.ts';

describe('wire normalisation', () => {
  it('reads doubles written as protobuf-JSON strings and SQL-clamped infinities', () => {
    expect(z.parse(double, 0.5)).toBe(0.5);
    expect(z.parse(double, 'NaN')).toBeNaN();
    expect(z.parse(double, 'Infinity')).toBe(Infinity);
    expect(z.parse(double, '-Infinity')).toBe(-Infinity);
    expect(z.parse(double, 1.7976931348623157e308)).toBe(Infinity);
    expect(z.parse(double, -1.7976931348623157e308)).toBe(-Infinity);
  });

  it('reads int64 as number or numeric string', () => {
    expect(z.parse(int64, 1700000000000)).toBe(1700000000000);
    expect(z.parse(int64, '1700000000000')).toBe(1700000000000);
    expect(z.safeParse(int64, 'soon').success).toBe(false);
  });

  it('keeps ids as exact strings, 18-digit ones included', () => {
    expect(z.parse(id, '486163297002617079')).toBe('486163297002617079');
    expect(z.parse(id, 0)).toBe('0');
  });

  it('defaults omitted repeated fields to empty lists', () => {
    expect(z.parse(z.object({ tags: list(keyValue) }), {})).toEqual({ tags: [] });
  });
});

describe('parseJsonLenient', () => {
  it('parses bare NaN/Infinity tokens (Flask jsonify) without touching strings', () => {
    const parsed = parseJsonLenient('{"a": NaN, "b": -Infinity, "c": "NaN inside a string", "d": Infinity}');
    expect(parsed).toEqual({ a: 'NaN', b: '-Infinity', c: 'NaN inside a string', d: 'Infinity' });
  });
  it('still rejects broken JSON', () => {
    expect(() => parseJsonLenient('{"a": ')).toThrow();
  });
});
