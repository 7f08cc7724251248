import { describe, expect, it } from 'vitest';
import serving from './__fixtures__/elasticnet-sk_model.serving_input_example.json.mlflow-3.17.2.txt?raw';
import { buildSnippets, loggedModelUri, runModelUri, shellQuote } from './snippets.ts';

describe('buildSnippets', () => {
  it('loads, serves and calls a run model with its logged serving example', () => {
    const snippets = buildSnippets({ modelUri: runModelUri('7aac6bd9', 'svc/'), servingExample: serving });
    expect(snippets.load).toContain('mlflow.pyfunc.load_model("runs:/7aac6bd9/svc")');
    expect(snippets.serve).toBe('mlflow models serve -m runs:/7aac6bd9/svc --port 5001');
    expect(snippets.invoke).toContain('http://127.0.0.1:5001/invocations');
    expect(snippets.invoke).toContain(`-d '{"dataframe_split":{"columns":["age","sex"`);
  });

  it('uses models:/ ids and has no request without an example', () => {
    const snippets = buildSnippets({ modelUri: loggedModelUri('m-1'), servingExample: undefined });
    expect(snippets.load).toContain('load_model("models:/m-1")');
    expect(snippets.invoke).toBeUndefined();
  });

  it('quotes values so a shell interprets nothing', () => {
    expect(shellQuote(`it's $(rm -rf ~)`)).toBe(`'it'\\''s $(rm -rf ~)'`);
  });
});

describe('buildSnippets with a hostile serving example', () => {
  it('passes an example nested 5,000 levels deep as written instead of throwing', () => {
    const deep = `{"inputs": ${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const snippets = buildSnippets({ modelUri: loggedModelUri('m-1'), servingExample: `  ${deep}\n` });
    expect(snippets.invoke).toContain(`-d '${deep}'`);
  });
});
