import { useMemo } from 'react';
import { ErrorState } from '@/widgets/error-state.tsx';
import { Loading } from '@/components/loading.tsx';
import { jsonText, prettyJsonText } from '@/lib/json-text.ts';
import { formatArray, shapeInputExample, type ExampleView } from '@/lib/mlmodel/input-example.ts';
import type { InputExampleInfo } from '@/lib/mlmodel/parse-mlmodel.ts';
import type { Schema } from '@/lib/mlmodel/signature.ts';
import { TextView } from '../previews/text-view.tsx';
import { useArtifactText } from '../use-artifact-text.ts';

export interface InputExampleViewProps {
  info: InputExampleInfo;
  exampleUrl: string;
  exampleSize: number | undefined;
  servingUrl: string | undefined;
  servingSize: number | undefined;
  inputs: Schema | undefined;
}

/** The logged input example shaped as MLmodel describes it, and the serving request body. */
export function InputExampleView({ info, exampleUrl, exampleSize, servingUrl, servingSize, inputs }: InputExampleViewProps) {
  const { query, decoded } = useArtifactText(exampleUrl, exampleSize);
  const shaped = useMemo(() => {
    if (decoded?.kind !== 'text') return undefined;
    try {
      return { ok: true as const, value: shapeInputExample(info, JSON.parse(decoded.text), inputs) };
    } catch (err) {
      return { ok: false as const, error: err instanceof Error ? err.message : String(err), text: decoded.text };
    }
  }, [decoded, info, inputs]);
  return (
    <>
      <h3>Input example</h3>
      {query.isError ? <ErrorState error={query.error} compact /> : null}
      {!query.isError && !shaped ? <Loading label="Loading input example…" /> : null}
      {shaped && !shaped.ok ? (
        <>
          <p className="artifact-error" role="alert">
            The input example is not valid JSON ({shaped.error}).
          </p>
          <TextView text={shaped.text} label="Input example" />
        </>
      ) : null}
      {shaped?.ok ? <ExampleBody view={shaped.value.view} /> : null}
      {shaped?.ok && shaped.value.params !== undefined ? (
        <>
          <h4>Params</h4>
          <TextView text={jsonText(shaped.value.params, 2)} label="Input example params" />
        </>
      ) : null}
      {servingUrl ? <ServingExample url={servingUrl} size={servingSize} /> : null}
    </>
  );
}

function ExampleBody({ view }: { view: ExampleView }) {
  if (view.kind === 'table') {
    return (
      <>
        <TableCapNote view={view} />
        {/* A named, focusable region, so a keyboard can scroll a wide table (WCAG 2.1.1). */}
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
        <div className="artifact-table-scroll" role="region" aria-label="Input example" tabIndex={0}>
          <table className="data-table model-table" aria-label="Input example">
            <thead>
              <tr>
                {view.columns.map((column, i) => (
                  <th key={i} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => (
                    <td key={c}>{typeof cell === 'string' ? cell : jsonText(cell)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </>
    );
  }
  if (view.kind === 'tensors') {
    return (
      <>
        {view.tensors.map((tensor, i) => (
          <figure key={i} className="model-tensor">
            <figcaption>{tensor.name ?? 'Array'}</figcaption>
            <TextView text={formatArray(tensor.value)} label={`Input example ${tensor.name ?? 'array'}`} />
          </figure>
        ))}
      </>
    );
  }
  if (view.kind === 'sparse') {
    return (
      <p>
        Sparse {view.format} matrix{view.shape ? ` of shape ${view.shape.join(' × ')}` : ''} with {view.storedValues} stored values.
      </p>
    );
  }
  return <TextView text={jsonText(view.value, 2)} label="Input example" />;
}

/** Says which rows and columns a capped table leaves out, as the CSV preview does. */
function TableCapNote({ view }: { view: Extract<ExampleView, { kind: 'table' }> }) {
  const count = (n: number) => n.toLocaleString('en-US');
  const cut = [
    view.totalRows > view.rows.length ? `the first ${count(view.rows.length)} of ${count(view.totalRows)} rows` : undefined,
    view.totalColumns > view.columns.length ? `${count(view.columns.length)} of ${count(view.totalColumns)} columns` : undefined,
  ].filter((part) => part !== undefined);
  if (cut.length === 0) return null;
  return (
    <p className="artifact-notice" role="note">
      Showing {cut.join(' and ')}; download the file for the rest.
    </p>
  );
}

function ServingExample({ url, size }: { url: string; size: number | undefined }) {
  const { query, decoded } = useArtifactText(url, size);
  const text = useMemo(() => (decoded?.kind === 'text' ? prettyJsonText(decoded.text) : undefined), [decoded]);
  return (
    <>
      <h4>Serving request body</h4>
      {query.isError ? (
        <ErrorState error={query.error} compact />
      ) : text === undefined ? (
        <Loading label="Loading serving example…" />
      ) : (
        <TextView text={text} label="Serving request body" />
      )}
    </>
  );
}
