import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  booleanParam,
  enumParam,
  joinList,
  listParam,
  parseSearchParams,
  serializeSearchParams,
  splitList,
  textParam,
} from './search-params.ts';

const schema = z.object({
  q: textParam('x'),
  mode: enumParam(['a', 'b'], 'a'),
  on: z._default(booleanParam(false), false),
  ids: listParam(),
});
const parse = (search: string) => parseSearchParams(schema, new URLSearchParams(search));

describe('search params', () => {
  it('gives every field its default when the link has none', () => {
    expect(parse('')).toEqual({ q: 'x', mode: 'a', on: false, ids: [] });
  });

  it('reads well-formed values', () => {
    expect(parse('q=loss&mode=b&on=1&ids=r1,r2')).toEqual({ q: 'loss', mode: 'b', on: true, ids: ['r1', 'r2'] });
  });

  it('falls back per field on a stale or hand-edited value, keeping the others', () => {
    expect(parse('q=loss&mode=zzz&on=maybe&ids=r1')).toEqual({ q: 'loss', mode: 'a', on: false, ids: ['r1'] });
  });

  it('reads a list without empty items or repeats, in order', () => {
    expect(parse('ids=,r2,,r1,r2,')).toMatchObject({ ids: ['r2', 'r1'] });
  });

  it('round-trips a list and writes only what differs from the defaults', () => {
    expect(splitList(joinList(['a', 'b']))).toEqual(['a', 'b']);
    expect(splitList('')).toEqual([]);
    expect(serializeSearchParams({ q: 'x', mode: 'b', on: false, empty: '' }, { q: 'x', mode: 'a', on: false }).toString()).toBe('mode=b');
  });
});
