import { describe, expect, it } from 'vitest';
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
