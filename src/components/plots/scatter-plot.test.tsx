import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildAxis } from '@/lib/compare/axis.ts';
import { ScatterPlot, type ScatterPoint } from './scatter-plot.tsx';

const points: ScatterPoint[] = [
  { id: 'a', label: 'run a', x: '0.001', y: 0.8, color: 'red' },
  { id: 'b', label: 'run b', x: '0.01', y: 0.85, color: 'blue' },
  { id: 'c', label: 'run c', x: '0.1', y: 0.9, color: 'green' },
  { id: 'd', label: 'run d', x: '1', y: 0.7, color: 'black' },
  { id: 'e', label: 'run e', x: '10', y: NaN, color: 'gray' },
  { id: 'f', label: 'run f', x: undefined, y: 0.5, color: 'gray' },
];

describe('ScatterPlot', () => {
  it('draws one labelled circle per placeable run on a log axis and counts the rest', () => {
    const x = buildAxis({ id: 'params.C', label: 'C', values: points.map((p) => p.x), log: true });
    const y = buildAxis({ id: 'metrics.score', label: 'score', values: points.map((p) => p.y) });
    const { container } = render(<ScatterPlot caption="Scatter of score against C" x={x} y={y} points={points} width={500} />);
    const circles = container.querySelectorAll('circle[data-run-id]');
    expect(circles).toHaveLength(4);
    expect(circles[0]!.getAttribute('aria-label')).toBe('run a: C 0.001, score 0.8');
    expect(circles[0]!.querySelector('title')!.textContent).toBe('run a');
    // Log scale: a decade apart, equally spaced.
    const cx = [...circles].map((c) => Number(c.getAttribute('cx')));
    expect(cx[1]! - cx[0]!).toBeCloseTo(cx[3]! - cx[2]!, 6);
    expect(container.querySelector('.chart__note')!.textContent).toBe('2 runs without a value on these axes are not shown');
  });

  it('places categories on bands and spreads runs that share a spot', () => {
    const cat = [...points.slice(0, 4).map((p, i) => ({ ...p, x: i < 2 ? 'rbf' : 'linear', y: 1 }))];
    const x = buildAxis({ id: 'params.kernel', label: 'kernel', values: cat.map((p) => p.x) });
    const y = buildAxis({ id: 'metrics.score', label: 'score', values: cat.map((p) => p.y) });
    const { container } = render(<ScatterPlot caption="c" x={x} y={y} points={cat} width={400} />);
    const cx = [...container.querySelectorAll('circle[data-run-id]')].map((c) => Number(c.getAttribute('cx')));
    expect(new Set(cx).size).toBe(4);
    expect(container.querySelector('.chart__note')).toBeNull();
  });
});
