import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MetricChartsPanel } from './metric-charts-panel.tsx';

// A card that cannot draw one metric, standing for any value a chart chokes on.
vi.mock('./metric-chart-card.tsx', () => ({
  MetricChartCard: ({ metricKey }: { metricKey: string }) => {
    if (metricKey === 'loss') throw new RangeError('Invalid time value');
    return <figure aria-label={`Chart of ${metricKey}`} />;
  },
}));

beforeEach(() => vi.spyOn(console, 'error').mockImplementation(() => undefined));
afterEach(() => vi.restoreAllMocks());

describe('MetricChartsPanel', () => {
  it('replaces only the chart that failed with its message', () => {
    render(
      <MemoryRouter>
        <MetricChartsPanel runs={[{ runId: 'r1', name: 'run 1' }]} metricKeys={['accuracy', 'loss', 'lr']} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('group', { name: 'The chart of “loss” failed' })).toHaveTextContent('Invalid time value');
    expect(screen.getByRole('figure', { name: 'Chart of accuracy' })).toBeInTheDocument();
    expect(screen.getByRole('figure', { name: 'Chart of lr' })).toBeInTheDocument();
  });
});
