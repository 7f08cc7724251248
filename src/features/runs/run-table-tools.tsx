import { Link } from 'react-router';
import { downloadText } from '@/components/download-file.ts';
import { paths } from '@/config/paths.ts';
import { ColumnChooser, type ColumnChooserProps } from './column-chooser.tsx';
import type { RunKeys } from './collect-keys.ts';
import type { RunColumn } from './run-columns.ts';
import { runsCsv } from './runs-csv.ts';
import type { TableRow } from './row-tree.ts';

export interface RunTableToolsProps {
  chooser: ColumnChooserProps;
  keys: RunKeys;
  groupBy: string;
  onGroupByChange: (columnId: string) => void;
  selected: ReadonlySet<string>;
  onClearSelection: () => void;
  exportSource: { rows: readonly TableRow[]; columns: readonly RunColumn[]; fileName: string };
}

export function RunTableTools({ chooser, keys, groupBy, onGroupByChange, selected, onClearSelection, exportSource }: RunTableToolsProps) {
  const exportCsv = (only?: ReadonlySet<string>) =>
    downloadText(
      runsCsv(exportSource.rows, exportSource.columns, only),
      `${exportSource.fileName}${only ? '-selected' : ''}.csv`,
      'text/csv;charset=utf-8',
    );
  return (
    <div className="toolbar run-table-tools">
      <ColumnChooser {...chooser} />
      <label className="toolbar__toggle">
        <span>Group by</span>
        <select value={groupBy} onChange={(event) => onGroupByChange(event.target.value)}>
          <option value="">Nothing</option>
          {keys.params.length > 0 ? (
            <optgroup label="Params">
              {keys.params.map((key) => (
                <option key={key} value={`params.${key}`}>
                  {key}
                </option>
              ))}
            </optgroup>
          ) : null}
          {keys.tags.length > 0 ? (
            <optgroup label="Tags">
              {keys.tags.map((key) => (
                <option key={key} value={`tags.${key}`}>
                  {key}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </label>
      <button type="button" onClick={() => exportCsv()}>
        Export CSV
      </button>
      {selected.size > 0 ? (
        <span className="selection-summary">
          <span>{selected.size.toLocaleString()} selected</span>
          {selected.size >= 2 ? (
            <Link className="button-link" to={paths.compare.getHref([...selected])}>
              Compare {selected.size.toLocaleString()} runs
            </Link>
          ) : null}
          <button type="button" onClick={() => exportCsv(selected)}>
            Export selected
          </button>
          <button type="button" onClick={onClearSelection}>
            Clear selection
          </button>
        </span>
      ) : null}
    </div>
  );
}
