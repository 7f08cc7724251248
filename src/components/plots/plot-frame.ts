// Layout shared by the compare plots. Text is measured by an estimate, not the DOM, so a plot
// lays out the same on its first render, in jsdom and in every screenshot.
import { toNumber } from '@/lib/compare/axis.ts';
import type { AxisValue } from '@/lib/compare/types.ts';
import { formatMetric } from '../../../contract/display/format-value.ts';

/** The plots' tick and label font size (charts.css) and the mean advance of its characters. */
export const FONT_SIZE = 12;
// Generous: Inter's digits and "_" are wider than its mean, and a label cut short is better than one clipped.
const CHAR_WIDTH = 7.2;

export function textWidth(text: string): number {
  return text.length * CHAR_WIDTH;
}

/** The text cut to fit `maxWidth`, with an ellipsis when cut; empty when not even one character fits. */
export function fitText(text: string, maxWidth: number): string {
  if (textWidth(text) <= maxWidth) return text;
  const chars = Math.floor(maxWidth / CHAR_WIDTH) - 1;
  return chars < 1 ? '' : `${text.slice(0, chars)}…`;
}

/** Like fitText, but cut in the middle: run names often differ only at their end ("…-run-7"). */
export function fitTextMiddle(text: string, maxWidth: number): string {
  if (textWidth(text) <= maxWidth) return text;
  const chars = Math.floor(maxWidth / CHAR_WIDTH) - 1;
  if (chars < 2) return fitText(text, maxWidth);
  const tail = Math.floor(chars / 2);
  return `${text.slice(0, chars - tail)}…${text.slice(text.length - tail)}`;
}

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The inner rectangle of a plot: where marks are drawn, axes around it. */
export interface PlotArea {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export function plotArea(width: number, height: number, margins: Margins): PlotArea {
  const x0 = margins.left;
  const y0 = margins.top;
  // A plot narrower than its margins still gets a one-pixel area rather than a negative one.
  return { x0, y0, x1: Math.max(x0 + 1, width - margins.right), y1: Math.max(y0 + 1, height - margins.bottom) };
}

/** A value as the plots print it: numbers (and numeric param strings) by formatMetric, text as logged, "—" when missing. */
export function formatAxisValue(value: AxisValue): string {
  if (value === undefined) return '—';
  if (typeof value === 'number') return formatMetric(value);
  const number = toNumber(value);
  return number === undefined ? value : formatMetric(number);
}

/** Deterministic spread in [-0.5, 0.5) by index (golden-ratio sequence): neighbours land far apart, and no run moves between renders. */
export function jitter(index: number): number {
  const t = (index * 0.6180339887498949) % 1;
  return t - 0.5;
}
