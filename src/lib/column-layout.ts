// Where each table column goes, from what the user arranged: pinned columns first (in pin
// order), then the rest in the default order with the user's moves applied; hidden columns
// dropped. Moves are stored as "put X before Y" (compacted to each column's last move), so a
// link stays short however many of 1,500 columns exist, and a move survives new columns.

export interface ColumnMove {
  id: string;
  /** The column it goes before; '' for the end. */
  before: string;
}

export interface ColumnArrangement {
  pinned: readonly string[];
  moves: readonly ColumnMove[];
  hidden: ReadonlySet<string>;
}

export interface ColumnLayout {
  left: string[];
  center: string[];
}

export function applyMoves(ids: readonly string[], moves: readonly ColumnMove[]): string[] {
  const order = [...ids];
  for (const { id, before } of moves) {
    const from = order.indexOf(id);
    if (from < 0 || id === before) continue;
    order.splice(from, 1);
    const to = before === '' ? order.length : order.indexOf(before);
    order.splice(to < 0 ? from : to, 0, id);
  }
  return order;
}

export function layoutColumns(ids: readonly string[], { pinned, moves, hidden }: ColumnArrangement): ColumnLayout {
  const present = new Set(ids);
  const left = pinned.filter((id) => present.has(id) && !hidden.has(id));
  const pinnedSet = new Set(left);
  const center = applyMoves(ids, moves).filter((id) => !pinnedSet.has(id) && !hidden.has(id));
  return { left, center };
}

/** The moves after putting `id` just before `before` ('' = at the end); the column's older move is dropped. */
export function addMove(moves: readonly ColumnMove[], id: string, before: string): ColumnMove[] {
  return [...moves.filter((move) => move.id !== id), { id, before }];
}

// "a>b": a goes in front of b. MLflow keys may hold ':' but never '>' (nor ',').
export const formatMoves = (moves: readonly ColumnMove[]): string[] => moves.map(({ id, before }) => `${id}>${before}`);

export function parseMoves(items: readonly string[]): ColumnMove[] {
  return items.flatMap((item) => {
    const at = item.indexOf('>');
    return at > 0 ? [{ id: item.slice(0, at), before: item.slice(at + 1) }] : [];
  });
}
