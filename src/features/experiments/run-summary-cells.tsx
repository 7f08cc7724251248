// The "Runs" and "Last run" cells of one experiment row. The row asks for its own summary when it
// renders, so only rows on screen (the virtualiser decides, past 500 rows) cost requests; the
// counts are cached a minute (api/experiment-summary.ts).
import { useQuery } from '@tanstack/react-query';
import { experimentSummaryQueryOptions, type ExperimentSummary } from '@/api/experiment-summary.ts';
import { describeError } from '@/api/describe-error.ts';
import { describeTimestamp, formatTimestamp } from '../../../contract/display/format-time.ts';

const count = new Intl.NumberFormat();

function formatRunCount(summary: ExperimentSummary): string {
  return `${count.format(summary.runCount)}${summary.capped ? '+' : ''}`;
}

export function RunSummaryCells({ experimentId }: { experimentId: string }) {
  const query = useQuery(experimentSummaryQueryOptions(experimentId));
  const summary = query.data;
  if (!summary && query.isError) {
    // A failed count marks its cell and leaves the row (and the list) as it is.
    const { title, message } = describeError(query.error);
    return (
      <>
        <td className="cell-number run-summary--failed" title={`${title}: ${message}`}>
          <span aria-hidden="true">!</span>
          <span className="visually-hidden">Could not count the runs: {message}</span>
        </td>
        <td className="cell-time muted">—</td>
      </>
    );
  }
  return (
    <>
      <td className="cell-number" aria-busy={summary ? undefined : true}>
        {summary ? formatRunCount(summary) : <span className="muted">—</span>}
      </td>
      <td className="cell-time" title={describeTimestamp(summary?.lastRunStart)}>
        {summary ? formatTimestamp(summary.lastRunStart) : <span className="muted">—</span>}
      </td>
    </>
  );
}
