import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatasetInput } from '@/api/runs.ts';
import { RunDatasets } from './run-datasets.tsx';

const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

function dataset(name: string, schema: string | undefined, profile: string | undefined): DatasetInput {
  return {
    tags: [{ key: 'mlflow.data.context', value: 'train' }],
    dataset: { name, digest: 'd1', source_type: 'code', source: '{}', schema, profile },
  };
}

beforeEach(() => vi.spyOn(console, 'error').mockImplementation(() => undefined));
afterEach(() => vi.restoreAllMocks());

describe('RunDatasets with hostile schemas and profiles', () => {
  it('re-indents a schema and shows a profile nested 5,000 levels deep as written', () => {
    render(
      <RunDatasets datasets={[dataset('deep', '{"mlflow_colspec": [{"type": "double", "name": "x"}]}', `{"num_rows": ${deep(5000)}}`)]} />,
    );
    const [schema, profile] = screen.getAllByText((_, element) => element?.tagName === 'PRE');
    expect(schema?.textContent).toBe('{\n  "mlflow_colspec": [\n    {\n      "type": "double",\n      "name": "x"\n    }\n  ]\n}');
    expect(profile?.textContent).toBe(`{"num_rows": ${deep(5000)}}`);
    expect(screen.getByText('deep')).toBeInTheDocument();
    expect(console.error).not.toHaveBeenCalled();
  });

  it('shows the first 20,000 characters of a 100,000-column schema', () => {
    const columns = Array.from({ length: 100_000 }, (_, i) => ({ type: 'double', name: `c${i}` }));
    render(<RunDatasets datasets={[dataset('wide', JSON.stringify({ mlflow_colspec: columns }), undefined)]} />);
    const [schema] = screen.getAllByText((_, element) => element?.tagName === 'PRE');
    expect(schema?.textContent).toHaveLength(20_000);
    expect(schema?.textContent).toMatch(/^\{\n {2}"mlflow_colspec": \[\n {4}\{\n {6}"type": "double",\n {6}"name": "c0"/);
  });
});
