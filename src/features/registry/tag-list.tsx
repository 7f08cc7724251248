import type { KeyValue } from '@/api/wire.ts';
import { TruncatedText } from '@/components/truncated-text.tsx';

export interface TagListProps {
  tags: readonly KeyValue[];
  /** Names the list for screen readers, e.g. "Tags of iris". */
  label: string;
}

/** Tags as `key: value` chips (text only: tag values are anyone's input). */
export function TagList({ tags, label }: TagListProps) {
  if (tags.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="tag-list registry-tags" aria-label={label}>
      {tags.map((tag) => (
        <li key={tag.key} className="tag">
          <TruncatedText text={`${tag.key}: ${tag.value}`} max={120} />
        </li>
      ))}
    </ul>
  );
}
