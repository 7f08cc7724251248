import { useParams } from 'react-router';
import { ExperimentPage } from '@/features/experiments/experiment-page.tsx';
import { RunsPanel } from '@/features/runs/runs-panel.tsx';
import { runCharts } from './run-charts-slot.tsx';

export function Component() {
  const { experimentId = '' } = useParams();
  return (
    <ExperimentPage
      key={experimentId}
      experimentId={experimentId}
      runs={
        <RunsPanel
          experimentIds={[experimentId]}
          exportName={`runs-experiment-${experimentId.replace(/[^\w-]/g, '_')}`}
          charts={runCharts}
        />
      }
    />
  );
}
