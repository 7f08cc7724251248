// A <select> of the compared runs' metric keys.
import { useId } from 'react';

export interface MetricSelectProps {
  label: string;
  value: string;
  metrics: readonly string[];
  onChange(key: string): void;
}

export function MetricSelect({ label, value, metrics, onChange }: MetricSelectProps) {
  const id = useId();
  return (
    <span className="plot-control">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {metrics.map((key) => (
          <option key={key} value={key}>
            {key}
          </option>
        ))}
      </select>
    </span>
  );
}
