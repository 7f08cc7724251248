import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { Link } from 'react-router';
import { runQueryOptions } from '@/api/runs.ts';
import { useInView } from '@/components/use-in-view.ts';
import { paths } from '@/config/paths.ts';
import { useViewOptions } from '@/config/view-options.ts';

/**
 * A version's source run, linked by its name. A run link needs the run's experiment, which a
 * version does not record: the run is read (runs/get) once its row comes into view, so a model
 * with hundreds of versions does not ask for hundreds of runs at once.
 */
export function SourceRunLink({ runId }: { runId: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  const { render } = useViewOptions();
  const inView = useInView(ref, { always: render });
  const run = useQuery({ ...runQueryOptions(runId), enabled: inView });
  if (run.data) {
    return <Link to={paths.run.getHref(run.data.experimentId, run.data.runId || runId)}>{run.data.name || runId}</Link>;
  }
  return (
    <span ref={ref}>
      <span className="mono">{runId}</span>
      {run.isError ? <span className="muted"> ({run.error.isNotFound ? 'run not found' : 'cannot read the run'})</span> : null}
    </span>
  );
}
