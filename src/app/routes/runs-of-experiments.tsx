import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { RunsOfExperimentsPage } from '@/features/runs/runs-of-experiments-page.tsx';
import { splitList } from '@/lib/search-params.ts';

export function Component() {
  const [params] = useSearchParams();
  const list = params.get('experiments') ?? '';
  const experimentIds = useMemo(() => [...new Set(splitList(list))], [list]);
  return <RunsOfExperimentsPage key={experimentIds.join(',')} experimentIds={experimentIds} />;
}
