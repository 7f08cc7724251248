// A plot's dimension from the URL when it names one the compared runs have, else a default.
import { dimensionId, parseDimension, type Dimension } from '@/lib/compare/dimension.ts';

export function pickDimension(
  fromUrl: string,
  available: { params: readonly string[]; metrics: readonly string[] },
  fallbacks: readonly (string | undefined)[],
): { id: string; dimension: Dimension } | undefined {
  const has = (dimension: Dimension | undefined): dimension is Dimension =>
    dimension !== undefined &&
    (dimension.kind === 'params' ? available.params : dimension.kind === 'metrics' ? available.metrics : []).includes(dimension.key);
  for (const id of [fromUrl, ...fallbacks]) {
    if (!id) continue;
    const dimension = parseDimension(id);
    if (has(dimension)) return { id: dimensionId(dimension.kind, dimension.key), dimension };
  }
  return undefined;
}
