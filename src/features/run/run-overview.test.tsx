import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Run } from '@/api/runs.ts';
import { RunOverview } from './run-overview.tsx';

// One section that cannot render, standing for any value a section chokes on.
vi.mock('./run-metrics-table.tsx', () => ({
  RunMetricsTable: () => {
    throw new RangeError('Invalid time value');
  },
}));

const run: Run = {
  runId: 'r1',
  experimentId: '1',
  name: 'hostile run',
  status: 'FINISHED',
  startTime: 1_700_000_000_000,
  endTime: 1_700_000_060_000,
  user: 'ada',
  artifactUri: undefined,
  lifecycleStage: 'active',
  parentRunId: undefined,
  metrics: {},
  steppedMetrics: {},
  params: { lr: '0.01' },
  tags: { team: 'vision' },
  datasets: [],
  modelIds: [],
  modelPaths: [],
};

beforeEach(() => vi.spyOn(console, 'error').mockImplementation(() => undefined));
afterEach(() => vi.restoreAllMocks());

describe('RunOverview', () => {
  it('shows a failed section’s own message and keeps the other sections', () => {
    render(
      <MemoryRouter>
        <RunOverview run={run} loggedModels={[]} modelHref={(id) => `/models/${id}`} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('group', { name: 'The metrics failed' })).toHaveTextContent('Invalid time value');
    expect(screen.getByText('r1')).toBeInTheDocument();
    expect(screen.getByText('lr')).toBeInTheDocument();
    expect(screen.getByText('vision')).toBeInTheDocument();
  });
});
