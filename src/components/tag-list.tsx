import { TruncatedText } from './truncated-text.tsx';

export interface TagListProps {
  tags: readonly { key: string; value: string }[];
  /** Names the list for screen readers, e.g. "Tags of iris". */
  label: string;
  /** Chips shown before a "+N" chip for the rest (a table cell); all of them when absent. */
  limit?: number;
  /** Characters of one `key: value` before it is truncated. */
  max?: number;
  /** Shown instead of an empty list ("—" where a blank would read as still loading). */
  empty?: string;
  className?: string;
}

/** Tags as `key: value` chips (text only: tag values are anyone's input). */
export function TagList({ tags, label, limit = Infinity, max = 120, empty, className }: TagListProps) {
  if (tags.length === 0 && empty !== undefined) return <span className="muted">{empty}</span>;
  return (
    <ul className={className ? `tag-list ${className}` : 'tag-list'} aria-label={label}>
      {tags.slice(0, limit).map((tag) => (
        <li key={tag.key} className="tag">
          <TruncatedText text={`${tag.key}: ${tag.value}`} max={max} />
        </li>
      ))}
      {tags.length > limit ? <li className="tag tag--more">+{tags.length - limit}</li> : null}
    </ul>
  );
}
