import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InputExampleInfo } from '@/lib/mlmodel/parse-mlmodel.ts';
import { InputExampleView } from './input-example-view.tsx';

const EXAMPLE_URL = '/mlflow/get-artifact?path=model%2Finput_example.json&run_uuid=r1';
const SERVING_URL = '/mlflow/get-artifact?path=model%2Fserving_input_example.json&run_uuid=r1';
const TOO_DEEP = '(nested deeper than 100 levels: download the file to read it)';
const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

/** Serves each file's text as the artifact proxy would. */
function serve(files: Record<string, string>) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const text = files[String(input)];
      return text === undefined ? new Response('not found', { status: 404 }) : new Response(text, { status: 200 });
    }),
  );
}

function show(info: Partial<InputExampleInfo>, files: Record<string, string>) {
  serve(files);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const fullInfo: InputExampleInfo = {
    artifactPath: 'input_example.json',
    type: 'json_object',
    pandasOrient: undefined,
    servingInputPath: undefined,
    hasParams: false,
    ...info,
  };
  const servingUrl = SERVING_URL in files ? SERVING_URL : undefined;
  return render(
    <QueryClientProvider client={client}>
      <InputExampleView
        info={fullInfo}
        exampleUrl={EXAMPLE_URL}
        exampleSize={undefined}
        servingUrl={servingUrl}
        servingSize={undefined}
        inputs={undefined}
      />
    </QueryClientProvider>,
  );
}

beforeEach(() => vi.spyOn(console, 'error').mockImplementation(() => undefined));
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('InputExampleView with hostile examples', () => {
  it('shows the note instead of a JSON example nested 5,000 levels deep', async () => {
    show({ type: 'json_object' }, { [EXAMPLE_URL]: deep(5000) });
    expect(await screen.findByRole('region', { name: 'Input example' })).toHaveTextContent(TOO_DEEP);
    expect(console.error).not.toHaveBeenCalled();
  });

  it('shows the note for params and table cells nested 5,000 levels deep, and the rest of the example', async () => {
    const example = `{"inputs": {"columns": ["text", "tokens"], "data": [["hello", ${deep(5000)}]]}, "params": {"stop": ${deep(5000)}}}`;
    show({ type: 'dataframe', hasParams: true }, { [EXAMPLE_URL]: example });
    const table = await screen.findByRole('table', { name: 'Input example' });
    expect(within(table).getByRole('cell', { name: 'hello' })).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: TOO_DEEP })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Input example params' })).toHaveTextContent(TOO_DEEP);
  });

  it('shows the note for an ndarray nested 5,000 levels deep', async () => {
    show({ type: 'ndarray' }, { [EXAMPLE_URL]: `{"image": ${deep(5000)}}` });
    expect(await screen.findByRole('region', { name: 'Input example image' })).toHaveTextContent(TOO_DEEP);
  });

  it('shows a serving request body nested 5,000 levels deep as written', async () => {
    const body = `{"inputs": ${deep(5000)}}`;
    show({ type: 'json_object' }, { [EXAMPLE_URL]: '{"a": 1}', [SERVING_URL]: body });
    expect(await screen.findByRole('region', { name: 'Serving request body' })).toHaveTextContent(body);
  });

  it('shows 200 of a 100,000-column example and says so', async () => {
    const columns = Array.from({ length: 100_000 }, (_, i) => `c${i}`);
    const example = JSON.stringify({ columns, data: [columns.map((_, i) => i), columns.map((_, i) => -i)] });
    show({ type: 'dataframe', pandasOrient: 'split' }, { [EXAMPLE_URL]: example });
    const table = await screen.findByRole('table', { name: 'Input example' });
    expect(within(table).getAllByRole('columnheader')).toHaveLength(200);
    expect(within(table).getAllByRole('columnheader').at(-1)).toHaveTextContent('c199');
    expect(table.querySelectorAll('tbody tr')).toHaveLength(2);
    expect(table.querySelectorAll('tbody tr:last-child td')).toHaveLength(200);
    expect(screen.getByRole('note')).toHaveTextContent('Showing 200 of 100,000 columns; download the file for the rest.');
  });

  it('says when rows and columns are both left out, and says nothing for a small table', async () => {
    const row = Array.from({ length: 250 }, (_, i) => i);
    show({ type: 'dataframe' }, { [EXAMPLE_URL]: JSON.stringify({ data: Array.from({ length: 150 }, () => row) }) });
    await screen.findByRole('table', { name: 'Input example' });
    expect(screen.getByRole('note')).toHaveTextContent(
      'Showing the first 100 of 150 rows and 200 of 250 columns; download the file for the rest.',
    );
  }, 20_000);

  it('shows a small table whole, without a note', async () => {
    show({ type: 'dataframe' }, { [EXAMPLE_URL]: JSON.stringify({ columns: ['a', 'b'], data: [[1, { x: 2 }]] }) });
    const table = await screen.findByRole('table', { name: 'Input example' });
    expect(within(table).getByRole('cell', { name: '{"x":2}' })).toBeInTheDocument();
    expect(screen.queryByRole('note')).toBeNull();
  });
});
