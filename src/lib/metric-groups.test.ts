import { describe, expect, it } from 'vitest';
import { runColor } from './run-color.ts';
import { groupMetricKeys } from './metric-groups.ts';

describe('groupMetricKeys', () => {
  it('groups by prefix, ungrouped first and system last', () => {
    expect(groupMetricKeys(['system/cpu', 'val/loss', 'loss', 'train/loss', 'acc'])).toEqual([
      { name: '', keys: ['acc', 'loss'] },
      { name: 'train', keys: ['train/loss'] },
      { name: 'val', keys: ['val/loss'] },
      { name: 'system', keys: ['system/cpu'] },
    ]);
  });
});

describe('runColor', () => {
  it('is deterministic per run id', () => {
    expect(runColor('abc123')).toBe(runColor('abc123'));
    expect(new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(runColor)).size).toBeGreaterThan(3);
  });
});
