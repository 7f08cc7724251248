// Which params and metrics the parallel coordinates draw, in the order chosen, and which are on
// a log scale: a disclosure of checkboxes, so any of hundreds of keys can be picked by keyboard.
import { dimensionId } from '@/lib/compare/dimension.ts';

export interface AxisChooserProps {
  chosen: readonly string[];
  params: readonly string[];
  metrics: readonly string[];
  logAxes: ReadonlySet<string>;
  onChange(ids: string[]): void;
  onLogChange(ids: string[]): void;
}

export function AxisChooser({ chosen, params, metrics, logAxes, onChange, onLogChange }: AxisChooserProps) {
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((c) => c !== id));
  const toggleLog = (id: string, on: boolean) => onLogChange(on ? [...logAxes, id] : [...logAxes].filter((c) => c !== id));
  const group = (title: string, ids: readonly { id: string; key: string }[]) =>
    ids.length === 0 ? null : (
      <fieldset className="axis-chooser__group">
        <legend>{title}</legend>
        {ids.map(({ id, key }) => (
          <div key={id} className="axis-chooser__item">
            <label>
              <input type="checkbox" checked={chosen.includes(id)} onChange={(e) => toggle(id, e.target.checked)} /> {key}
            </label>
            <label className="muted">
              <input
                type="checkbox"
                aria-label={`${key} on a log scale`}
                checked={logAxes.has(id)}
                onChange={(e) => toggleLog(id, e.target.checked)}
              />{' '}
              log
            </label>
          </div>
        ))}
      </fieldset>
    );
  return (
    <details className="axis-chooser">
      <summary>Axes ({chosen.length})</summary>
      {group(
        'Parameters',
        params.map((key) => ({ id: dimensionId('params', key), key })),
      )}
      {group(
        'Metrics',
        metrics.map((key) => ({ id: dimensionId('metrics', key), key })),
      )}
    </details>
  );
}
