import type { BestDirection } from '@/lib/compare/best-direction.ts';
import { truncateText } from '@/lib/truncate.ts';

export interface DirectionToggleProps {
  metricKey: string;
  direction: BestDirection;
  onChange: (metricKey: string, direction: BestDirection) => void;
}

const TEXT: Record<BestDirection, string> = { max: 'higher is better', min: 'lower is better' };

/** Which way a metric's best lies; a click turns it the other way. */
export function DirectionToggle({ metricKey, direction, onChange }: DirectionToggleProps) {
  return (
    <button
      type="button"
      className="compare-direction"
      aria-label={`${truncateText(metricKey, 200).text}: ${TEXT[direction]} (switch)`}
      onClick={() => onChange(metricKey, direction === 'max' ? 'min' : 'max')}
    >
      {TEXT[direction]}
    </button>
  );
}
