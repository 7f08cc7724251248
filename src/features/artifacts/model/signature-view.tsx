import { jsonText } from '@/lib/json-text.ts';
import type { Signature } from '@/lib/mlmodel/parse-mlmodel.ts';
import { formatShape, type ColumnSpec, type ParamSpec, type Parsed, type Schema } from '@/lib/mlmodel/signature.ts';
import { TABLE_CAPS } from '@/lib/table-preview.ts';

export interface SignatureViewProps {
  signature: Signature | undefined;
}

/** Inputs, outputs and params as tables; a part that does not parse shows its error and raw text. */
export function SignatureView({ signature }: SignatureViewProps) {
  return (
    <>
      <h3>Signature</h3>
      {!signature || (!signature.inputs && !signature.outputs && !signature.params) ? (
        <p className="muted">No signature was logged with this model.</p>
      ) : (
        <>
          <SchemaPart title="Inputs" part={signature.inputs} />
          <SchemaPart title="Outputs" part={signature.outputs} />
          {signature.params ? <ParamsPart part={signature.params} /> : null}
        </>
      )}
    </>
  );
}

function PartError({ title, error, raw }: { title: string; error: string; raw: string }) {
  return (
    <div className="artifact-error" role="alert">
      {title}: {error}
      <pre className="model-raw">{raw.slice(0, 5000)}</pre>
    </div>
  );
}

/**
 * The first rows of a long part, as the CSV preview caps its rows: a signature 100,000 columns
 * wide is 100,000 table rows, seconds of drawing for a page nobody reads to the end.
 */
function RowCapNote({ title, total }: { title: string; total: number }) {
  if (total <= TABLE_CAPS.maxRows) return null;
  const count = (n: number) => n.toLocaleString('en-US');
  return (
    <p className="artifact-notice" role="note">
      {title}: showing the first {count(TABLE_CAPS.maxRows)} of {count(total)} rows; download the MLmodel file for the rest.
    </p>
  );
}

function firstRows<T>(rows: readonly T[]): readonly T[] {
  return rows.length > TABLE_CAPS.maxRows ? rows.slice(0, TABLE_CAPS.maxRows) : rows;
}

function SchemaPart({ title, part }: { title: string; part: Parsed<Schema> | undefined }) {
  if (!part) return null;
  if (!part.ok) return <PartError title={title} error={part.error} raw={part.raw} />;
  const schema = part.value;
  const columns = schema.kind === 'columns' ? flatten(schema.columns, 0) : [];
  const tensors = schema.kind === 'tensors' ? schema.tensors : [];
  const total = columns.length + tensors.length;
  return (
    <>
      <RowCapNote title={title} total={total} />
      <table className="data-table model-table" aria-label={`Signature ${title.toLowerCase()}`}>
        <caption>{title}</caption>
        <thead>
          {schema.kind === 'columns' ? (
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col">Required</th>
            </tr>
          ) : (
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Dtype</th>
              <th scope="col">Shape</th>
            </tr>
          )}
        </thead>
        <tbody>
          {schema.kind === 'columns'
            ? firstRows(columns).map(({ column, depth }, i) => (
                <tr key={i}>
                  <th scope="row" className={`model-table__depth-${Math.min(depth, 4)}`}>
                    {column.name ?? <span className="muted">(unnamed)</span>}
                  </th>
                  <td>{column.type}</td>
                  <td>{column.required ? 'required' : 'optional'}</td>
                </tr>
              ))
            : firstRows(tensors).map((tensor, i) => (
                <tr key={i}>
                  <th scope="row">{tensor.name ?? <span className="muted">(unnamed)</span>}</th>
                  <td>{tensor.dtype}</td>
                  <td>{formatShape(tensor.shape)}</td>
                </tr>
              ))}
        </tbody>
      </table>
    </>
  );
}

/** Object fields (and objects inside arrays and maps) as indented rows under their column. */
function flatten(columns: readonly ColumnSpec[], depth: number): { column: ColumnSpec; depth: number }[] {
  return columns.flatMap((column) => [{ column, depth }, ...flatten(column.children, depth + 1)]);
}

function ParamsPart({ part }: { part: Parsed<ParamSpec[]> }) {
  if (!part.ok) return <PartError title="Params" error={part.error} raw={part.raw} />;
  return (
    <>
      <RowCapNote title="Params" total={part.value.length} />
      <table className="data-table model-table" aria-label="Signature params">
        <caption>Params</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Default</th>
            <th scope="col">Shape</th>
          </tr>
        </thead>
        <tbody>
          {firstRows(part.value).map((param, i) => (
            <tr key={i}>
              <th scope="row">{param.name}</th>
              <td>{param.type}</td>
              <td>
                <code>{param.default === undefined ? '—' : jsonText(param.default)}</code>
              </td>
              <td>{param.shape ? formatShape(param.shape) : 'scalar'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
