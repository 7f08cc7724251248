import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { RunsOfExperimentsPage } from '@/features/runs/runs-of-experiments-page.tsx';

export function Component() {
  const [params] = useSearchParams();
  const list = params.get('experiments') ?? '';
  const experimentIds = useMemo(() => [...new Set(list.split(',').filter(Boolean))], [list]);
  return <RunsOfExperimentsPage key={experimentIds.join(',')} experimentIds={experimentIds} />;
}
