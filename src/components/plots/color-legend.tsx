// The key to a colour scale: a gradient bar between the domain's two ends.
import { useId } from 'react';
import type { ColorScale } from '@/lib/compare/color-scale.ts';
import { formatMetric } from '../../../contract/display/format-value.ts';

export interface ColorLegendProps {
  label: string;
  scale: ColorScale;
}

const BAR_WIDTH = 160;
const BAR_HEIGHT = 10;

export function ColorLegend({ label, scale }: ColorLegendProps) {
  // useId's characters are not all valid in url(#…).
  const gradientId = `color-legend-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [min, max] = scale.domain;
  return (
    <div className="color-legend">
      <span className="color-legend__label">{label}</span>
      <span className="color-legend__end">{formatMetric(min)}</span>
      <svg width={BAR_WIDTH} height={BAR_HEIGHT} aria-hidden="true" className="color-legend__bar">
        <defs>
          <linearGradient id={gradientId} x1="0" x2="1" y1="0" y2="0">
            {scale.stops.map((stop) => (
              <stop key={stop.offset} offset={stop.offset} stopColor={stop.color} />
            ))}
          </linearGradient>
        </defs>
        <rect width={BAR_WIDTH} height={BAR_HEIGHT} fill={`url(#${gradientId})`} />
      </svg>
      <span className="visually-hidden"> to </span>
      <span className="color-legend__end">{formatMetric(max)}</span>
    </div>
  );
}
