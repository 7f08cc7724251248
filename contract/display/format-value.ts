// Display of metric values: NaN and infinities are shown, never hidden or thrown on.
import { MAX_DATE_MS } from './format-time.ts';

export function formatMetric(value: number | undefined): string {
  if (value === undefined) return '';
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '∞';
  if (value === -Infinity) return '-∞';
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const abs = Math.abs(value);
  return abs !== 0 && (abs < 1e-4 || abs >= 1e15) ? value.toExponential(4) : String(Number(value.toPrecision(6)));
}

/** "1h 02m", "3.4 s", "—" for unknown or negative spans (a RUNNING run's end is not known). */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  // Beyond what two Dates can span: the run's times are in another unit (format-time.ts).
  if (ms > 2 * MAX_DATE_MS) return `${String(ms)} ms (out of range)`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(Math.floor(s % 60)).padStart(2, '0')}s`;
  const h = Math.floor(m / 60);
  return `${h}h ${String(m % 60).padStart(2, '0')}m`;
}
