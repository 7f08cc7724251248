// Comparators shared by every sortable list.

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Natural, case-insensitive order ("run 2" before "run 10"). */
export function compareText(a: string, b: string): number {
  return collator.compare(a, b);
}

/**
 * IDs are opaque strings (18-digit MLflow ids exceed Number.MAX_SAFE_INTEGER), so digit-only
 * ids compare by length then lexically, which equals numeric order without converting.
 */
export function compareIds(a: string, b: string): number {
  const aDigits = /^\d+$/.test(a);
  const bDigits = /^\d+$/.test(b);
  if (aDigits && bDigits) {
    const a2 = a.replace(/^0+(?=\d)/, '');
    const b2 = b.replace(/^0+(?=\d)/, '');
    return a2.length - b2.length || (a2 < b2 ? -1 : a2 > b2 ? 1 : 0);
  }
  if (aDigits !== bDigits) return aDigits ? -1 : 1;
  return compareText(a, b);
}

/** Missing values sort last whatever the direction. */
export function compareOptionalNumbers(a: number | undefined, b: number | undefined, ascending: boolean): number {
  const aMissing = a === undefined || Number.isNaN(a);
  const bMissing = b === undefined || Number.isNaN(b);
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  return ascending ? a - b : b - a;
}
