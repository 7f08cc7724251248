import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { buildAxis } from '@/lib/compare/axis.ts';
import type { Brushes } from '@/lib/compare/brush.ts';
import { sequentialColorScale } from '@/lib/compare/color-scale.ts';
import { ParallelCoordinates, type ParallelLine } from './parallel-coordinates.tsx';

const runs = [
  { id: 'r1', C: '0.1', kernel: 'linear', score: 0.61 },
  { id: 'r2', C: '1', kernel: 'rbf', score: 0.72 },
  { id: 'r3', C: '10', kernel: 'rbf', score: 0.93 },
  { id: 'r4', C: undefined, kernel: 'poly', score: NaN },
];
const axes = [
  buildAxis({ id: 'params.C', label: 'C', values: runs.map((r) => r.C), log: true }),
  buildAxis({ id: 'params.kernel', label: 'kernel', values: runs.map((r) => r.kernel) }),
  buildAxis({ id: 'metrics.score', label: 'score', values: runs.map((r) => r.score) }),
];
const scale = sequentialColorScale(runs.map((r) => r.score));
const lines: ParallelLine[] = runs.map((r) => ({
  id: r.id,
  label: `Run ${r.id}`,
  color: scale.color(r.score),
  values: [r.C, r.kernel, r.score],
}));

function draw(brushes: Brushes, onBrushChange = vi.fn()) {
  const view = render(
    <ParallelCoordinates
      caption="Parallel coordinates of C, kernel and score"
      axes={axes}
      lines={lines}
      brushes={brushes}
      onBrushChange={onBrushChange}
      width={600}
      legend={{ label: 'score', scale }}
    />,
  );
  const paths = (state: 'selected' | 'dimmed') => view.container.querySelectorAll(`path.parallel-coordinates__line--${state}`);
  return { ...view, paths, onBrushChange };
}

describe('ParallelCoordinates', () => {
  it('draws one path per run, all selected without brushes', () => {
    const { paths } = draw({});
    expect(screen.getByRole('group', { name: 'Parallel coordinates of C, kernel and score' })).toBeInTheDocument();
    expect(paths('selected')).toHaveLength(4);
    expect(screen.getByRole('img', { name: 'Run r3' })).toHaveAttribute('data-run-id', 'r3');
    expect(screen.getByRole('status')).toHaveTextContent('4 of 4 runs match the filters');
    expect(screen.queryByRole('button', { name: /clear filter/i })).toBeNull();
  });

  it('selects the runs inside every brush and keeps the runs in their order', () => {
    const { paths, container } = draw({
      'params.kernel': { kind: 'categories', values: ['rbf'] },
      'params.C': { kind: 'range', min: 5, max: 100 },
    });
    expect([...paths('selected')].map((p) => p.getAttribute('data-run-id'))).toEqual(['r3']);
    expect(paths('dimmed')).toHaveLength(3);
    // The DOM order is the runs' order, brushed or not (no 500-node moves on every brush).
    expect([...container.querySelectorAll('path.parallel-coordinates__line')].map((p) => p.getAttribute('data-run-id'))).toEqual(
      lines.map((l) => l.id),
    );
    expect(screen.getByRole('status')).toHaveTextContent('1 of 4 runs match the filters');
  });

  it('moves the d3 brush to the brushed extent without calling back', () => {
    const { container, onBrushChange, rerender } = draw({});
    rerender(
      <ParallelCoordinates
        caption="c"
        axes={axes}
        lines={lines}
        brushes={{ 'params.kernel': { kind: 'categories', values: ['rbf'] } }}
        onBrushChange={onBrushChange}
        width={600}
      />,
    );
    const selections = container.querySelectorAll('.parallel-coordinates__brush .selection');
    expect(selections).toHaveLength(3);
    expect(selections[1]).not.toHaveStyle({ display: 'none' });
    expect(Number(selections[1]!.getAttribute('height'))).toBeGreaterThan(0);
    expect(selections[0]).toHaveStyle({ display: 'none' });
    expect(onBrushChange).not.toHaveBeenCalled();
  });

  /** d3-brush follows a drag on the event's view; jsdom rejects a `view` given to the constructor. */
  function mouse(target: EventTarget, type: string, init: MouseEventInit) {
    const event = new MouseEvent(type, { bubbles: true, cancelable: true, ...init });
    Object.defineProperty(event, 'view', { value: window });
    act(() => void target.dispatchEvent(event));
  }

  // jsdom has no layout: d3's pointer falls back to clientX/clientY as SVG coordinates here.
  // The kernel axis runs from y 34 (top) to 266, its categories centred at 227 (linear), 150 (poly), 73 (rbf).
  it('reports a brush gesture on an axis as the categories it spans, and a click as a clear', () => {
    const { container, onBrushChange } = draw({});
    const overlay = container.querySelectorAll('.parallel-coordinates__brush .overlay')[1]!;
    mouse(overlay, 'mousedown', { clientX: 312, clientY: 40 });
    mouse(window, 'mousemove', { clientX: 312, clientY: 160 });
    mouse(window, 'mouseup', { clientX: 312, clientY: 160 });
    expect(onBrushChange).toHaveBeenLastCalledWith('params.kernel', { kind: 'categories', values: ['poly', 'rbf'] });
    mouse(overlay, 'mousedown', { clientX: 312, clientY: 250 });
    mouse(window, 'mouseup', { clientX: 312, clientY: 250 });
    expect(onBrushChange).toHaveBeenLastCalledWith('params.kernel', undefined);
  });

  it('reports a numeric brush as the values at its edges, the top the larger', () => {
    const { container, onBrushChange } = draw({});
    const overlay = container.querySelectorAll('.parallel-coordinates__brush .overlay')[2]!;
    mouse(overlay, 'mousedown', { clientX: 560, clientY: 34 });
    mouse(window, 'mousemove', { clientX: 560, clientY: 150 });
    mouse(window, 'mouseup', { clientX: 560, clientY: 150 });
    // The score axis spans 0.6 (y 266) to 0.95 (y 34); y 150 is halfway.
    expect(onBrushChange).toHaveBeenLastCalledWith('metrics.score', { kind: 'range', min: 0.775, max: 0.95 });
  });

  it('puts a run without a value on an axis in the missing band', () => {
    const { container } = draw({});
    const missing = container.querySelectorAll('.parallel-coordinates__missing');
    expect(missing).toHaveLength(2); // C (r4 has none) and score (r4's NaN)
    expect(missing[0]).toHaveTextContent('—');
    const r4 = container.querySelector('path[data-run-id="r4"]')!.getAttribute('d')!;
    const r1 = container.querySelector('path[data-run-id="r1"]')!.getAttribute('d')!;
    const lowestY = (d: string) => Math.max(...[...d.matchAll(/,([\d.]+)/g)].map((m) => Number(m[1])));
    expect(lowestY(r4)).toBeGreaterThan(lowestY(r1));
  });

  it('offers a keyboard-operable button to clear each brush', async () => {
    const user = userEvent.setup();
    const { onBrushChange } = draw({
      'params.kernel': { kind: 'categories', values: ['rbf'] },
      'params.gone': { kind: 'range', min: 0, max: 1 },
    });
    const button = screen.getByRole('button', { name: 'Clear filter on kernel' });
    expect(screen.getAllByRole('button')).toHaveLength(1);
    button.focus();
    await user.keyboard('{Enter}');
    expect(onBrushChange).toHaveBeenCalledWith('params.kernel', undefined);
  });

  it('shows the legend ends', () => {
    draw({});
    expect(screen.getByText('0.61')).toBeInTheDocument();
    expect(screen.getByText('0.93')).toBeInTheDocument();
  });
});
