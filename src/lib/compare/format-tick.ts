// Axis ticks need a few characters at most: "0.25", "1e-6", "2.5e4", never "0.30000000000000004".

export function formatTick(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const rounded = Number(value.toPrecision(4));
  const abs = Math.abs(rounded);
  return abs >= 1e-3 && abs < 1e5 ? String(rounded) : rounded.toExponential().replace('e+', 'e');
}
