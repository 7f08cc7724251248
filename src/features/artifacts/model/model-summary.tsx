import type { MlModel } from '@/lib/mlmodel/parse-mlmodel.ts';
import { formatBytes } from '../file-kind.ts';

export interface ModelSummaryProps {
  model: MlModel;
  modelUri: string;
}

/** Identity, size and creation time, and one row per flavor. */
export function ModelSummary({ model, modelUri }: ModelSummaryProps) {
  return (
    <>
      <dl className="details">
        <dt>Model URI</dt>
        <dd>
          <code>{modelUri}</code>
        </dd>
        {model.modelId ? (
          <>
            <dt>Model ID</dt>
            <dd>{model.modelId}</dd>
          </>
        ) : null}
        <dt>MLflow version</dt>
        <dd>{model.mlflowVersion ?? '—'}</dd>
        <dt>Size</dt>
        <dd>{model.sizeBytes !== undefined ? formatBytes(model.sizeBytes) : '—'}</dd>
        <dt>Created</dt>
        <dd>{model.createdUtc ? `${model.createdUtc.replace(/\.\d+$/, '')} UTC` : '—'}</dd>
      </dl>
      <h3>Flavors</h3>
      <table className="data-table model-table" aria-label="Flavors">
        <thead>
          <tr>
            <th scope="col">Flavor</th>
            <th scope="col">Loader module</th>
            <th scope="col">Python</th>
            <th scope="col">Library version</th>
            <th scope="col">Serialization</th>
            <th scope="col">Model file</th>
          </tr>
        </thead>
        <tbody>
          {model.flavors.map((flavor) => (
            <tr key={flavor.name}>
              <th scope="row">{flavor.name}</th>
              <td>{flavor.loaderModule ?? '—'}</td>
              <td>{flavor.pythonVersion ?? '—'}</td>
              <td>
                {flavor.libraryVersion ? `${flavor.libraryVersion.key.replace(/_version$/, '')} ${flavor.libraryVersion.value}` : '—'}
              </td>
              <td>{flavor.serializationFormat ?? '—'}</td>
              <td>{flavor.modelFile ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
