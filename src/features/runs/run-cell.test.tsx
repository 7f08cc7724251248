import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Run } from '@/api/runs.ts';
import { RunCell } from './run-cell.tsx';
import { buildRunColumns } from './run-columns.ts';
import type { GroupRow, RunRow } from './row-tree.ts';

const run = (overrides: Partial<Run>): RunRow => ({
  kind: 'run',
  run: {
    runId: 'r1',
    experimentId: '1',
    name: 'r',
    status: 'FINISHED',
    params: {},
    metrics: {},
    tags: {},
    modelIds: [],
    modelPaths: [],
    ...overrides,
  } as Run,
  isContext: false,
  subRows: [],
});
const columns = buildRunColumns(
  { params: ['lr'], metrics: ['loss'], tags: [], systemTags: [] },
  { now: 0, systemTags: false, groupBy: '' },
);
const column = (id: string) => columns.find((c) => c.id === id)!;
const cellText = (id: string, row: RunRow | GroupRow) => {
  const { container, unmount } = render(
    <MemoryRouter>
      <RunCell column={column(id)} row={row} />
    </MemoryRouter>,
  );
  const text = container.textContent;
  unmount();
  return text;
};

describe('RunCell', () => {
  it('shows a NaN metric as NaN, and a missing one as nothing', () => {
    expect(cellText('metrics.loss', run({ metrics: { loss: Number.NaN } }))).toBe('NaN');
    expect(cellText('metrics.loss', run({}))).toBe('');
  });

  it("shows a group's metric summary", () => {
    const group: GroupRow = {
      kind: 'group',
      value: '0.1',
      label: 'lr = 0.1',
      metrics: { loss: { min: 1, mean: 2, max: 3, count: 2, skipped: 0 } },
      subRows: [],
    };
    expect(cellText('metrics.loss', group)).toContain('2');
  });

  it('shows a param as text, a duration or a dash, and the status', () => {
    expect(cellText('params.lr', run({ params: { lr: '0.01' } }))).toBe('0.01');
    expect(cellText('attributes.duration', run({ startTime: 0, endTime: 1500 }))).toBe('1.5 s');
    expect(cellText('attributes.duration', run({ startTime: 0, status: 'FAILED' }))).toBe('—');
    render(<RunCell column={column('attributes.status')} row={run({ status: 'FAILED' })} />);
    expect(screen.getByText(/failed/i)).toBeInTheDocument();
  });
});
