import { describe, expect, it } from 'vitest';
import { MAX_YAML_DEPTH, parseYamlSafely } from './parse-yaml.ts';

describe('parseYamlSafely', () => {
  it('reads ordinary YAML, and reports errors with their line', () => {
    expect(parseYamlSafely('a: [1, {b: c}]\nd: &x 1\ne: *x\n')).toEqual({ ok: true, value: { a: [1, { b: 'c' }], d: 1, e: 1 } });
    expect(parseYamlSafely('a: 1\nb: [2\n')).toEqual({ ok: false, error: expect.stringMatching(/line \d+, column \d+/) });
    expect(parseYamlSafely('a: 1\n---\nb: 2\n')).toMatchObject({ ok: false });
  });

  it('refuses 100 KB of nested block sequences instead of overflowing the stack', () => {
    const result = parseYamlSafely(`${'- '.repeat(50_000)}x\n`);
    expect(result).toEqual({ ok: false, error: `nested deeper than ${MAX_YAML_DEPTH} levels` });
  });

  it('refuses 400 KB of nested flow collections', () => {
    expect(parseYamlSafely(`a: ${'['.repeat(200_000)}${']'.repeat(200_000)}\n`)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/nested deeper/),
    });
    expect(parseYamlSafely(`a: ${'{b: '.repeat(50_000)}1${'}'.repeat(50_000)}\n`)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/nested deeper/),
    });
  });

  it('keeps brackets inside strings and plain scalars out of the depth count', () => {
    const text = `deps:\n  - mlflow[extras]==2.0\n  - "${'['.repeat(500)}"\n  - '${'{'.repeat(500)}'\n# ${'['.repeat(500)}\n`;
    expect(parseYamlSafely(text)).toMatchObject({ ok: true, value: { deps: ['mlflow[extras]==2.0', '['.repeat(500), '{'.repeat(500)] } });
  });

  it('stops "billion laughs" alias expansion', () => {
    const levels = 'abcdefghij';
    let text = 'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < levels.length; i++)
      text += `${levels[i]}: &${levels[i]} [${Array(9)
        .fill(`*${levels[i - 1]}`)
        .join(', ')}]\n`;
    const started = performance.now();
    expect(parseYamlSafely(text)).toMatchObject({ ok: false, error: expect.stringMatching(/alias/i) });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
