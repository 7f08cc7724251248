import { runNameFilter } from '@/api/runs.ts';

// Anything with a comparison is MLflow search syntax, passed as is; plain words search run names.
const LOOKS_LIKE_SYNTAX = /(=|<|>|\b(LIKE|ILIKE|IN)\b)/i;

export function toRunFilter(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return '';
  return LOOKS_LIKE_SYNTAX.test(trimmed) ? trimmed : runNameFilter(trimmed);
}
