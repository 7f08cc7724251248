// Text on a coloured cell must stay readable whatever the colour scale: black or white,
// whichever contrasts more with the fill by WCAG's relative luminance.

function channels(color: string): [number, number, number] | undefined {
  const rgb = /^rgba?\(\s*(\d+(?:\.\d+)?)[\s,]+(\d+(?:\.\d+)?)[\s,]+(\d+(?:\.\d+)?)/i.exec(color.trim());
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim())?.[1];
  if (!hex) return undefined;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG relative luminance of an `rgb(r, g, b)` or `#rrggbb` colour; undefined for anything else (a CSS variable). */
export function relativeLuminance(color: string): number | undefined {
  const rgb = channels(color);
  if (!rgb) return undefined;
  const [r, g, b] = rgb.map((c) => {
    const s = Math.min(255, c) / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Black or white, whichever contrasts more with the fill; undefined when the fill cannot be read. */
export function contrastText(fill: string): '#000000' | '#ffffff' | undefined {
  const l = relativeLuminance(fill);
  if (l === undefined) return undefined;
  // Contrast with black is (l + 0.05) / 0.05, with white 1.05 / (l + 0.05); equal at l ≈ 0.179.
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}
