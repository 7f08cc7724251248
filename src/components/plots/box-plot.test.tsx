import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { boxStats } from '@/lib/compare/box-stats.ts';
import { BoxPlot, type BoxGroup } from './box-plot.tsx';

function group(category: string, values: number[]): BoxGroup {
  return {
    category,
    stats: boxStats(values),
    points: values.map((value, i) => ({ id: `${category}-${i}`, label: `${category} run ${i}`, value, color: 'steelblue' })),
  };
}

describe('BoxPlot', () => {
  it('draws one box per group with its median and every run, identically on each render', () => {
    const groups = [
      group('linear', [0.7, 0.72, 0.75, 0.8, 0.1]),
      group('rbf', [0.85, 0.9]),
      { category: 'poly', stats: undefined, points: [] },
    ];
    const { container, rerender } = render(
      <BoxPlot caption="Box of score by kernel" groupLabel="kernel" valueLabel="score" groups={groups} width={500} />,
    );
    const boxes = container.querySelectorAll('.chart-box__group');
    expect([...boxes].map((g) => g.getAttribute('aria-label'))).toEqual([
      'linear: median 0.72, n = 5',
      'rbf: median 0.875, n = 2',
      'poly: no values, n = 0',
    ]);
    expect(container.querySelectorAll('rect.chart-box__box')).toHaveLength(2);
    expect(container.querySelectorAll('.chart-box__median')).toHaveLength(2);
    expect(container.querySelectorAll('circle[data-run-id]')).toHaveLength(7);
    expect(container.querySelectorAll('.chart-box__outlier')).toHaveLength(1);
    const first = new XMLSerializer().serializeToString(container);
    rerender(<BoxPlot caption="Box of score by kernel" groupLabel="kernel" valueLabel="score" groups={groups} width={500} />);
    expect(new XMLSerializer().serializeToString(container)).toBe(first);
  });
});
