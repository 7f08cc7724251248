// A d3 vertical brush on one axis, kept controlled: React owns the brushed extent, d3 only draws
// the gesture. A gesture's end is reported; moves made here to follow the props carry no
// sourceEvent and are not, so restoring brushes from the URL does not echo back.
import { brushY, type BrushBehavior, type D3BrushEvent } from 'd3-brush';
import { select } from 'd3-selection';
import { useEffect, useEffectEvent, useRef, type RefObject } from 'react';

export interface AxisBrushExtent {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** `selection` and the reported span are pixel rows [top, bottom]; null when a click cleared the brush. */
export function useAxisBrush(
  ref: RefObject<SVGGElement | null>,
  { x0, y0, x1, y1 }: AxisBrushExtent,
  selection: readonly [number, number] | undefined,
  onEnd: (selection: readonly [number, number] | null) => void,
): void {
  const brushRef = useRef<BrushBehavior<unknown> | null>(null);
  const reportEnd = useEffectEvent(onEnd);

  useEffect(() => {
    const group = ref.current;
    if (!group) return;
    const behavior = brushY<unknown>()
      .extent([
        [x0, y0],
        [x1, y1],
      ])
      .on('end', (event: D3BrushEvent<unknown>) => {
        if (!event.sourceEvent) return;
        const span = event.selection as [number, number] | null;
        reportEnd(span);
      });
    select(group).call(behavior);
    brushRef.current = behavior;
    return () => {
      behavior.on('end', null);
      select(group).on('.brush', null);
      brushRef.current = null;
    };
  }, [ref, x0, y0, x1, y1]);

  const top = selection?.[0];
  const bottom = selection?.[1];
  useEffect(() => {
    const group = ref.current;
    const behavior = brushRef.current;
    if (!group || !behavior) return;
    behavior.move(select(group), top === undefined || bottom === undefined ? null : [top, bottom]);
  }, [ref, x0, y0, x1, y1, top, bottom]);
}
