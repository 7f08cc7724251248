import type { RunStatus } from '@/api/runs.ts';

const LABELS: Record<RunStatus, string> = {
  RUNNING: 'Running',
  SCHEDULED: 'Scheduled',
  FINISHED: 'Finished',
  FAILED: 'Failed',
  KILLED: 'Killed',
  UNKNOWN: 'Unknown',
};

export function RunStatusBadge({ status }: { status: RunStatus }) {
  return <span className={`status status--${status.toLowerCase()}`}>{LABELS[status]}</span>;
}
