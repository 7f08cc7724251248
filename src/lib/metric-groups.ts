// Metric keys grouped by their prefix before the first "/" (train/loss → "train"), keys
// without one under "" — and system/* metrics (CPU, GPU, memory) always last, apart.

export interface MetricGroup {
  name: string;
  keys: string[];
}

export function groupMetricKeys(keys: readonly string[]): MetricGroup[] {
  const groups = new Map<string, string[]>();
  for (const key of [...keys].sort((a, b) => a.localeCompare(b))) {
    const slash = key.indexOf('/');
    const name = slash > 0 ? key.slice(0, slash) : '';
    const list = groups.get(name);
    if (list) list.push(key);
    else groups.set(name, [key]);
  }
  const rank = (name: string) => (name === '' ? 0 : name === 'system' ? 2 : 1);
  return [...groups.entries()]
    .map(([name, list]) => ({ name, keys: list }))
    .sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}
