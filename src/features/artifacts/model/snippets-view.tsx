import { useState } from 'react';
import { buildSnippets } from '@/lib/mlmodel/snippets.ts';
import { useArtifactText } from '../use-artifact-text.ts';

export interface SnippetsViewProps {
  modelUri: string;
  aliasUris?: readonly string[] | undefined;
  servingUrl: string | undefined;
  servingSize: number | undefined;
}

/** Copyable code: load the model, serve it, call the served model with the logged example. */
export function SnippetsView({ modelUri, aliasUris, servingUrl, servingSize }: SnippetsViewProps) {
  const { decoded } = useArtifactText(servingUrl ?? '', servingSize, servingUrl !== undefined);
  const snippets = buildSnippets({ modelUri, aliasUris, servingExample: decoded?.kind === 'text' ? decoded.text : undefined });
  return (
    <>
      <h3>Use the model</h3>
      <Snippet title="Load it in Python" code={snippets.load} />
      <Snippet title="Serve it" code={snippets.serve} />
      {snippets.invoke ? <Snippet title="Call the served model with the logged example" code={snippets.invoke} /> : null}
    </>
  );
}

function Snippet({ title, code }: { title: string; code: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(code).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <figure className="model-snippet">
      <figcaption>
        {title}
        <button type="button" className="model-snippet__copy" onClick={copy} aria-label={`Copy: ${title}`}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </figcaption>
      <pre>
        <code>{code}</code>
      </pre>
    </figure>
  );
}
