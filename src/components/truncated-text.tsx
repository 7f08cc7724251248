import { truncateText } from '@/lib/truncate.ts';

export interface TruncatedTextProps {
  text: string;
  max: number;
  className?: string;
}

/** Text cut to `max` characters; the full value (itself capped) is in the tooltip. */
export function TruncatedText({ text, max, className }: TruncatedTextProps) {
  const shown = truncateText(text, max);
  return (
    <span className={className} title={shown.truncated ? truncateText(text, 5000).text : undefined}>
      {shown.text}
    </span>
  );
}
