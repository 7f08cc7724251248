import { useParams } from 'react-router';
import { SweepView } from '@/features/sweep/sweep-view.tsx';

export function Component() {
  const { experimentId = '', runId = '' } = useParams();
  return <SweepView experimentId={experimentId} runId={runId} />;
}
