// A chart as a file: SVG as drawn, PNG rasterised from that SVG at 2× for reports, and the
// full (not decimated) series as CSV.
import { downloadBlob, downloadText } from '@/components/download-file.ts';
import { toCsv, type CsvCell } from '@/lib/csv.ts';
import type { RunHistory } from '@/lib/series/chart-data.ts';

function svgText(figure: HTMLElement): string | undefined {
  const svg = figure.querySelector('svg.recharts-surface');
  if (!svg) return undefined;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  // Text keeps its font when opened elsewhere; the background is white, not transparent.
  copy.setAttribute('font-family', getComputedStyle(figure).fontFamily);
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  copy.insertBefore(background, copy.firstChild);
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  return new XMLSerializer().serializeToString(copy);
}

export function exportSvg(figure: HTMLElement, fileName: string): void {
  const text = svgText(figure);
  if (text) downloadText(text, `${fileName}.svg`, 'image/svg+xml');
}

export async function exportPng(figure: HTMLElement, fileName: string): Promise<void> {
  const text = svgText(figure);
  const svg = figure.querySelector('svg.recharts-surface');
  if (!text || !svg) return;
  const { width, height } = svg.getBoundingClientRect();
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * 2);
    canvas.height = Math.round(height * 2);
    const context = canvas.getContext('2d');
    if (!context) return;
    context.scale(2, 2);
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (blob) downloadBlob(blob, `${fileName}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Every logged point of every run, as logged (NaN and infinities spelled out). */
export function exportCsv(metricKey: string, histories: readonly RunHistory[], fileName: string): void {
  const rows: CsvCell[][] = [['run_id', 'run_name', 'metric', 'step', 'timestamp', 'value']];
  for (const h of histories) {
    const { steps, timestamps, values, exactSteps } = h.points;
    for (let i = 0; i < steps.length; i++) rows.push([h.runId, h.name, metricKey, exactSteps.get(i) ?? steps[i], timestamps[i], values[i]]);
  }
  downloadText(toCsv(rows), `${fileName}.csv`, 'text/csv;charset=utf-8');
}
