import { useParams } from 'react-router';
import { ExperimentPage } from '@/features/experiments/experiment-page.tsx';
import { LoggedModelsPanel } from '@/features/logged-models/logged-models-panel.tsx';

/** The experiment page's Models tab; the Runs tab is experiment.tsx. */
export function Component() {
  const { experimentId = '' } = useParams();
  return <ExperimentPage key={experimentId} experimentId={experimentId} models={<LoggedModelsPanel experimentId={experimentId} />} />;
}
