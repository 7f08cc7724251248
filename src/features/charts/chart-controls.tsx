import type { ChartSearch } from './url-state.ts';

export interface ChartControlsProps {
  settings: ChartSearch;
  onChange: (patch: Partial<ChartSearch>, options?: { replace?: boolean }) => void;
}

export function ChartControls({ settings, onChange }: ChartControlsProps) {
  return (
    <div className="toolbar chart-controls" role="group" aria-label="Chart settings" data-interactive>
      <label className="toolbar__toggle">
        <span>X axis</span>
        <select value={settings.x} onChange={(e) => onChange({ x: e.target.value as ChartSearch['x'], zoom: '' })}>
          <option value="step">Step</option>
          <option value="time">Wall time</option>
          <option value="relative">Relative time</option>
        </select>
      </label>
      <label className="toolbar__toggle">
        <input type="checkbox" checked={settings.y === 'log'} onChange={(e) => onChange({ y: e.target.checked ? 'log' : 'linear' })} />
        Log scale
      </label>
      <label className="toolbar__toggle">
        <span>Smoothing</span>
        <input
          type="range"
          min={0}
          max={0.99}
          step={0.01}
          value={settings.smoothing}
          onChange={(e) => onChange({ smoothing: Number(e.target.value) }, { replace: true })}
          aria-valuetext={settings.smoothing === 0 ? 'off' : String(settings.smoothing)}
        />
        <output className="chart-controls__value">{settings.smoothing === 0 ? 'off' : settings.smoothing.toFixed(2)}</output>
      </label>
      <label className="toolbar__toggle">
        <input type="checkbox" checked={settings.ignoreOutliers} onChange={(e) => onChange({ ignoreOutliers: e.target.checked })} />
        Ignore outliers
      </label>
      {settings.zoom ? (
        <button type="button" onClick={() => onChange({ zoom: '' })}>
          Reset zoom
        </button>
      ) : (
        <span className="muted">Drag across a chart to zoom; double-click to reset.</span>
      )}
    </div>
  );
}
