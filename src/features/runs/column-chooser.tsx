// Choose, pin and order columns. There can be thousands of keys, so the list is searched and
// capped; "Show/Hide all matching" acts on every match, not only the ones listed. Columns are
// listed under the groups the table's header shows (Attributes, Parameters, Metrics, Tags), so a
// param and a metric with the same key are told apart here too.
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { GROUP_LABEL, groupsByKind } from './column-groups.ts';
import type { RunColumn } from './run-columns.ts';
import './column-groups.css';

export interface ColumnChoice {
  hidden: ReadonlySet<string>;
  pinned: readonly string[];
  /** Shown, unpinned columns in display order (for moving up and down). */
  order: readonly string[];
  systemTags: boolean;
}

export interface ColumnChooserActions {
  setHidden: (ids: readonly string[], hidden: boolean) => void;
  setPinned: (id: string, pinned: boolean) => void;
  move: (id: string, beforeId: string) => void;
  setSystemTags: (show: boolean) => void;
  reset: () => void;
}

export interface ColumnChooserProps {
  columns: readonly RunColumn[];
  choice: ColumnChoice;
  actions: ColumnChooserActions;
}

const LISTED = 300;

export function ColumnChooser({ columns, choice, actions }: ColumnChooserProps) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const panelId = useId();
  const matches = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return needle ? columns.filter((c) => c.header.toLowerCase().includes(needle) || c.id.toLowerCase().includes(needle)) : columns;
  }, [columns, query]);
  const listed = useMemo(() => groupsByKind(matches, LISTED), [matches]);
  const shownCount = columns.filter((c) => !choice.hidden.has(c.id)).length;
  const root = useRef<HTMLDivElement>(null);

  // A popover: Escape or a click elsewhere closes it.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <div className="column-chooser" ref={root}>
      <button type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        Columns ({shownCount.toLocaleString()} of {columns.length.toLocaleString()})
      </button>
      {open ? (
        <div id={panelId} role="region" aria-label="Columns" className="column-chooser__panel">
          <div className="column-chooser__tools">
            <input
              type="search"
              aria-label="Search columns"
              placeholder="Search columns"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
            <button
              type="button"
              onClick={() =>
                actions.setHidden(
                  matches.map((c) => c.id),
                  false,
                )
              }
            >
              Show all{query ? ' matching' : ''}
            </button>
            <button
              type="button"
              onClick={() =>
                actions.setHidden(
                  matches.map((c) => c.id),
                  true,
                )
              }
            >
              Hide all{query ? ' matching' : ''}
            </button>
            <label className="toolbar__toggle">
              <input type="checkbox" checked={choice.systemTags} onChange={(e) => actions.setSystemTags(e.target.checked)} />
              System tags (mlflow.*)
            </label>
            <button type="button" onClick={actions.reset}>
              Reset
            </button>
          </div>
          <div className="column-chooser__list">
            {listed.map((group) => (
              <ColumnChoiceGroup key={group.kind} label={GROUP_LABEL[group.kind]}>
                {group.columns.map((column) => (
                  <ColumnChoiceItem key={column.id} column={column} choice={choice} actions={actions} />
                ))}
              </ColumnChoiceGroup>
            ))}
          </div>
          {matches.length > LISTED ? (
            <p className="muted">{(matches.length - LISTED).toLocaleString()} more columns match: search to narrow the list.</p>
          ) : null}
          {matches.length === 0 ? <p className="muted">No column matches “{query}”.</p> : null}
        </div>
      ) : null}
    </div>
  );
}

/** A group's title and its list, named by it (a list "Parameters" to a screen reader). */
function ColumnChoiceGroup({ label, children }: { label: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <>
      <div id={headingId} className="column-chooser__group">
        {label}
      </div>
      <ul aria-labelledby={headingId}>{children}</ul>
    </>
  );
}

function ColumnChoiceItem({ column, choice, actions }: { column: RunColumn; choice: ColumnChoice; actions: ColumnChooserActions }) {
  const shown = !choice.hidden.has(column.id);
  const pinned = choice.pinned.includes(column.id);
  const at = choice.order.indexOf(column.id);
  const previous = choice.order[at - 1];
  const next = choice.order[at + 1];
  const canMove = shown && !pinned && at >= 0;
  return (
    <li className="column-chooser__item">
      <label>
        <input type="checkbox" checked={shown} onChange={(e) => actions.setHidden([column.id], !e.target.checked)} />
        {column.header}
      </label>
      <span className="column-chooser__actions">
        <button
          type="button"
          aria-pressed={pinned}
          aria-label={`${pinned ? 'Unpin' : 'Pin'} ${column.header}`}
          onClick={() => actions.setPinned(column.id, !pinned)}
        >
          📌
        </button>
        <button
          type="button"
          aria-label={`Move ${column.header} left`}
          disabled={!canMove || previous === undefined}
          onClick={() => previous !== undefined && actions.move(column.id, previous)}
        >
          ←
        </button>
        <button
          type="button"
          aria-label={`Move ${column.header} right`}
          disabled={!canMove || next === undefined}
          onClick={() => next !== undefined && actions.move(next, column.id)}
        >
          →
        </button>
      </span>
    </li>
  );
}
