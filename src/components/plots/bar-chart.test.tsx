import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BarChart, type Bar } from './bar-chart.tsx';

const bars: Bar[] = [
  { id: 'r1', label: 'run 1', value: 0.25, color: 'rgb(31, 119, 180)' },
  { id: 'r2', label: 'run 2', value: -0.5, color: 'rgb(255, 127, 14)' },
  { id: 'r3', label: 'run 3', value: NaN, color: 'rgb(44, 160, 44)' },
  { id: 'r4', label: 'run 4', value: undefined, color: 'rgb(214, 39, 40)' },
];

describe('BarChart', () => {
  it('draws one labelled group per run, bars only for finite values, and marks the best', () => {
    const { container } = render(<BarChart caption="Bars of rmse" valueLabel="rmse" bars={bars} width={600} bestIds={new Set(['r1'])} />);
    expect(screen.getByRole('figure')).toHaveTextContent('Bars of rmse');
    const groups = container.querySelectorAll('[data-run-id]');
    expect([...groups].map((g) => g.getAttribute('aria-label'))).toEqual([
      'run 1: 0.25, best',
      'run 2: -0.5',
      'run 3: NaN',
      'run 4: no value',
    ]);
    expect(container.querySelectorAll('rect.chart-bar__rect')).toHaveLength(2);
    expect(groups[0]!.textContent).toContain('★');
    expect(groups[2]!.textContent).toContain('NaN');
    expect(groups[3]!.textContent).toContain('—');
  });

  it('grows with the number of runs and renders the same twice', () => {
    const { container, rerender } = render(<BarChart caption="c" valueLabel="v" bars={bars} width={500} />);
    const svg = container.querySelector('svg')!;
    const first = new XMLSerializer().serializeToString(svg);
    const four = Number(svg.getAttribute('height'));
    rerender(<BarChart caption="c" valueLabel="v" bars={bars} width={500} />);
    expect(new XMLSerializer().serializeToString(container.querySelector('svg')!)).toBe(first);
    rerender(<BarChart caption="c" valueLabel="v" bars={[...bars, { id: 'r5', label: 'run 5', value: 1, color: 'red' }]} width={500} />);
    expect(Number(container.querySelector('svg')!.getAttribute('height'))).toBeGreaterThan(four);
  });
});
