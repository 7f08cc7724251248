import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Run } from '@/api/runs.ts';
import type { CompareModel } from '@/lib/compare/compare-rows.ts';
import { runColors } from '@/lib/run-color.ts';
import { CompareTable, type CompareTableProps } from './compare-table.tsx';

function run(i: number, extra: Partial<Run> = {}): Run {
  return {
    runId: `run-${i}`,
    experimentId: '7',
    name: `trial ${i}`,
    status: 'FINISHED',
    startTime: 1_700_000_000_000,
    endTime: 1_700_000_060_000,
    user: 'ada',
    artifactUri: undefined,
    lifecycleStage: 'active',
    parentRunId: undefined,
    metrics: {},
    steppedMetrics: {},
    params: {},
    tags: {},
    datasets: [],
    modelIds: [],
    modelPaths: [],
    ...extra,
  };
}

const runs = [run(0), run(1), run(2, { status: 'RUNNING', endTime: undefined })];

// Written out rather than computed, so this tests the drawing alone.
const model: CompareModel = {
  params: [
    { key: 'C', values: ['1', '10', undefined], display: ['1', '10', undefined], differs: true },
    {
      key: 'kernel',
      values: ['{"a":1}', '{"a":2}', '{"a":1}'],
      display: ['{\n  "a": 1\n}', '{\n  "a": 2\n}', '{\n  "a": 1\n}'],
      differs: true,
    },
  ],
  metrics: [
    {
      key: 'mean_test_score',
      latest: [0.91, 0.93, undefined],
      min: [0.5, 0.6, undefined],
      max: [0.91, 0.95, undefined],
      direction: 'max',
      best: [false, true, false],
      differs: true,
    },
    {
      key: 'rmse',
      latest: [2, 2, 3],
      min: [undefined, undefined, undefined],
      max: [undefined, undefined, undefined],
      direction: 'min',
      best: [true, true, false],
      differs: true,
    },
  ],
  tags: [{ key: 'team', values: ['vision', 'vision', 'vision'], display: ['vision', 'vision', 'vision'], differs: false }],
  totals: { params: 14, metrics: 2, tags: 1 },
};

function draw(props: Partial<CompareTableProps> = {}) {
  const shown = props.runs ?? runs;
  const onDirectionChange = vi.fn<CompareTableProps['onDirectionChange']>();
  render(
    <MemoryRouter>
      <CompareTable
        runs={shown}
        colors={runColors(shown.map((r) => r.runId))}
        model={model}
        onDirectionChange={onDirectionChange}
        {...props}
      />
    </MemoryRouter>,
  );
  return { table: screen.getByRole('table'), onDirectionChange };
}

const rowOf = (table: HTMLElement, key: string) => within(table).getByRole('rowheader', { name: key }).closest('tr') as HTMLElement;

describe('CompareTable', () => {
  it('heads each run column with its linked name, status, start and duration', () => {
    const { table } = draw();
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((header) => header.textContent)).toEqual(['Run', 'trial 0', 'trial 1', 'trial 2']);
    expect(within(headers[2]!).getByRole('link', { name: 'trial 1' })).toHaveAttribute('href', '/experiments/7/runs/run-1');
    expect(
      within(rowOf(table, 'Status'))
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Finished', 'Finished', 'Running']);
    expect(
      within(rowOf(table, 'Duration'))
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['1m 00s', '1m 00s', 'running']);
  });

  it('names hidden rows in the section headings', () => {
    const { table } = draw();
    expect(within(table).getByRole('rowheader', { name: 'Parameters (2 of 14)' })).toBeInTheDocument();
    expect(within(table).getByRole('rowheader', { name: 'Metrics (2)' })).toBeInTheDocument();
    expect(within(table).getByRole('rowheader', { name: 'Tags (1)' })).toBeInTheDocument();
  });

  it('shows params as the model displays them, a missing one as a dash, and marks rows that differ', () => {
    const { table } = draw();
    const c = rowOf(table, 'C');
    expect(
      within(c)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['1', '10', '—']);
    expect(c).toHaveClass('compare-table__differs');
    expect(rowOf(table, 'team')).not.toHaveClass('compare-table__differs');
    const block = within(rowOf(table, 'kernel')).getAllByRole('cell')[1]!.querySelector('pre');
    expect(block?.textContent).toBe('{\n  "a": 2\n}');
  });

  it('marks the best values for the eye and the ear, with each run’s range beneath', () => {
    const { table } = draw();
    const cells = within(rowOf(table, 'mean_test_score')).getAllByRole('cell');
    expect(cells[1]).toHaveAttribute('title', 'best');
    expect(cells[1]).toHaveClass('compare-table__best');
    expect(cells[1]).toHaveTextContent('0.93★, bestmin 0.6 · max 0.95');
    expect(within(cells[1]!).getByText(', best')).toHaveClass('visually-hidden');
    expect(cells[0]).not.toHaveAttribute('title');
    expect(cells[0]).toHaveTextContent('0.91min 0.5 · max 0.91');
    expect(cells[2]).toHaveTextContent('—');
    // Ties are all best.
    expect(within(table).getAllByTitle('best')).toHaveLength(3);
  });

  it('caps a long value at 12 lines, the whole of it in the tooltip', () => {
    const long = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n');
    const tall: CompareModel = { ...model, params: [{ key: 'grid', values: [long, 'x', 'x'], display: [long, 'x', 'x'], differs: true }] };
    const { table } = draw({ model: tall });
    const block = within(rowOf(table, 'grid')).getAllByRole('cell')[0]!.querySelector('pre');
    expect(block?.textContent?.split('\n')).toHaveLength(12);
    expect(block?.textContent).toMatch(/line 11…$/);
    expect(block).toHaveAttribute('title', long);
  });

  it('turns a metric’s direction the other way', async () => {
    const { table, onDirectionChange } = draw();
    await userEvent.click(within(table).getByRole('button', { name: 'mean_test_score: higher is better (switch)' }));
    expect(onDirectionChange).toHaveBeenCalledWith('mean_test_score', 'min');
    await userEvent.click(within(table).getByRole('button', { name: 'rmse: lower is better (switch)' }));
    expect(onDirectionChange).toHaveBeenLastCalledWith('rmse', 'max');
    expect(within(rowOf(table, 'rmse')).getByRole('button')).toHaveTextContent('lower is better');
  });

  it('draws only the first columns of many runs when there is no layout to measure', () => {
    const many = Array.from({ length: 500 }, (_, i) => run(i));
    const { table } = draw({ runs: many });
    expect(table).toHaveAttribute('aria-colcount', '501');
    const headers = within(table).getAllByRole('columnheader');
    expect(headers).toHaveLength(11);
    expect(headers.at(-1)).toHaveTextContent('trial 9');
    expect(headers.at(-1)).toHaveAttribute('aria-colindex', '11');
    // The columns left out keep their width in one hidden cell, so the table scrolls its full width.
    const gap = rowOf(table, 'C').lastElementChild;
    expect(gap).toHaveAttribute('aria-hidden', 'true');
    expect(within(rowOf(table, 'C')).getAllByRole('cell')).toHaveLength(10);
    expect(table.style.width).toBe(`${240 + 500 * 200}px`);
  });
});
