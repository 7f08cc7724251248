import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GROUP_ORDER, groupsByKind, groupSpans } from './column-groups.ts';
import type { ColumnKind } from './run-columns.ts';

const col = (id: string, kind: ColumnKind) => ({ id, kind });
const kindArb = fc.constantFrom<ColumnKind>('attribute', 'param', 'metric', 'tag');
const columnsArb = fc.array(kindArb, { maxLength: 40 }).map((kinds) => kinds.map((kind, i) => col(`c${i}`, kind)));

describe('groupSpans', () => {
  it('puts a param and a metric with the same key under different groups', () => {
    const spans = groupSpans([col('attributes.run_name', 'attribute'), col('params.score', 'param'), col('metrics.score', 'metric')]);
    expect(spans.map((span) => [span.kind, span.columns.map((c) => c.id)])).toEqual([
      ['attribute', ['attributes.run_name']],
      ['param', ['params.score']],
      ['metric', ['metrics.score']],
    ]);
  });

  it('gives a kind a second cell when a moved column interleaves kinds', () => {
    const spans = groupSpans([col('params.a', 'param'), col('params.b', 'param'), col('metrics.m', 'metric'), col('params.c', 'param')]);
    expect(spans.map((span) => [span.kind, span.columns.length])).toEqual([
      ['param', 2],
      ['metric', 1],
      ['param', 1],
    ]);
  });

  it('has no spans for no columns', () => {
    expect(groupSpans([])).toEqual([]);
  });

  it('covers every column once, in order, with one kind per span and no two neighbours of the same kind', () => {
    fc.assert(
      fc.property(columnsArb, (columns) => {
        const spans = groupSpans(columns);
        expect(spans.flatMap((span) => span.columns)).toEqual(columns);
        for (const span of spans) {
          expect(span.columns.length).toBeGreaterThan(0);
          expect(span.columns.every((c) => c.kind === span.kind)).toBe(true);
        }
        for (let i = 1; i < spans.length; i++) expect(spans[i]!.kind).not.toBe(spans[i - 1]!.kind);
      }),
    );
  });
});

describe('groupsByKind', () => {
  it('lists every column under its kind, kinds in a fixed order, keeping each kind’s column order', () => {
    fc.assert(
      fc.property(columnsArb, (columns) => {
        const groups = groupsByKind(columns);
        expect(groups.map((g) => g.kind)).toEqual(GROUP_ORDER.filter((kind) => columns.some((c) => c.kind === kind)));
        for (const group of groups) expect(group.columns).toEqual(columns.filter((c) => c.kind === group.kind));
      }),
    );
  });

  it('with a limit, keeps the first columns as the groups are read', () => {
    fc.assert(
      fc.property(columnsArb, fc.nat({ max: 45 }), (columns, limit) => {
        const all = groupsByKind(columns).flatMap((group) => group.columns);
        const limited = groupsByKind(columns, limit);
        expect(limited.flatMap((group) => group.columns)).toEqual(all.slice(0, limit));
        expect(limited.every((group) => group.columns.length > 0)).toBe(true);
      }),
    );
  });
});
