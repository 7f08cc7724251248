// A <select> of the compared runs' params and metrics, by dimension id (params.C, metrics.rmse).
import { useId } from 'react';
import { dimensionId } from '@/lib/compare/dimension.ts';

export interface DimensionSelectProps {
  label: string;
  value: string;
  params: readonly string[];
  metrics: readonly string[];
  onChange(id: string): void;
  /** Offer params (grouping, heatmap axes) or metrics only (a value to judge). */
  offer?: 'all' | 'params' | 'metrics';
}

export function DimensionSelect({ label, value, params, metrics, onChange, offer = 'all' }: DimensionSelectProps) {
  const id = useId();
  return (
    <span className="plot-control">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {offer !== 'metrics' && params.length > 0 ? (
          <optgroup label="Parameters">
            {params.map((key) => (
              <option key={key} value={dimensionId('params', key)}>
                {key}
              </option>
            ))}
          </optgroup>
        ) : null}
        {offer !== 'params' && metrics.length > 0 ? (
          <optgroup label="Metrics">
            {metrics.map((key) => (
              <option key={key} value={dimensionId('metrics', key)}>
                {key}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
    </span>
  );
}
