// The plots of the compared runs, each shown or hidden by a toggle kept in the URL. Each plot
// fails alone.
import type { ReactNode } from 'react';
import { PanelBoundary } from '@/widgets/panel-boundary.tsx';
import { joinList, splitList } from '@/lib/search-params.ts';
import { BoxPanel } from './box-panel.tsx';
import { HeatmapPanel } from './heatmap-panel.tsx';
import { ParallelPanel } from './parallel-panel.tsx';
import type { PlotInputs } from './plot-inputs.ts';
import { ScatterPanel } from './scatter-panel.tsx';
import { PLOT_KINDS, type PlotKind } from './url-state.ts';

const TITLES: Record<PlotKind, string> = {
  parallel: 'Parallel coordinates',
  scatter: 'Scatter',
  box: 'Box plot',
  heatmap: 'Heatmap',
};

const PANELS: Record<PlotKind, (inputs: PlotInputs) => ReactNode> = {
  parallel: (inputs) => <ParallelPanel {...inputs} />,
  scatter: (inputs) => <ScatterPanel {...inputs} />,
  box: (inputs) => <BoxPanel {...inputs} />,
  heatmap: (inputs) => <HeatmapPanel {...inputs} />,
};

export function ComparePlots(inputs: PlotInputs) {
  const shown = new Set(
    splitList(inputs.search.plots).filter((kind): kind is PlotKind => (PLOT_KINDS as readonly string[]).includes(kind)),
  );
  const toggle = (kind: PlotKind, on: boolean) =>
    inputs.update({ plots: joinList(PLOT_KINDS.filter((k) => (k === kind ? on : shown.has(k)))) });
  return (
    <section className="compare-plots" aria-label="Plots">
      <fieldset className="compare-plots__toggles" data-interactive>
        <legend>Plots</legend>
        {PLOT_KINDS.map((kind) => (
          <label key={kind}>
            <input type="checkbox" checked={shown.has(kind)} onChange={(e) => toggle(kind, e.target.checked)} /> {TITLES[kind]}
          </label>
        ))}
      </fieldset>
      {PLOT_KINDS.filter((kind) => shown.has(kind)).map((kind) => (
        <PanelBoundary key={kind} label={`The ${TITLES[kind].toLowerCase()} failed`} resetKeys={[inputs.runs, inputs.search]}>
          {PANELS[kind](inputs)}
        </PanelBoundary>
      ))}
    </section>
  );
}
