import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import * as z from 'zod/mini';
import { RunsOfExperimentsPage } from '@/features/runs/runs-of-experiments-page.tsx';
import { listParam, parseSearchParams } from '@/lib/search-params.ts';
import { runCharts } from './run-charts-slot.tsx';

/** paths.runsOfExperiments: the experiments whose runs share one table. */
const runsOfExperimentsSchema = z.object({ experiments: listParam() });

export function Component() {
  const [params] = useSearchParams();
  const list = joinedExperiments(params);
  const experimentIds = useMemo(() => (list === '' ? [] : list.split(',')), [list]);
  return <RunsOfExperimentsPage key={list} experimentIds={experimentIds} charts={runCharts} />;
}

/** The distinct experiment ids, joined: a stable key for the page and its memo. */
const joinedExperiments = (params: URLSearchParams) => parseSearchParams(runsOfExperimentsSchema, params).experiments.join(',');
