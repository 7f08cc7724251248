import { describe, expect, it } from 'vitest';
import serving from './__fixtures__/elasticnet-sk_model.serving_input_example.json.mlflow-3.17.2.txt?raw';
import { buildSnippets, loggedModelUri, registeredAliasUri, registeredVersionUri, runModelUri, shellQuote } from './snippets.ts';

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

  it('loads a registered version by number, and offers its aliases as alternatives', () => {
    const snippets = buildSnippets({
      modelUri: registeredVersionUri('runlens-registry-demo', '1'),
      servingExample: undefined,
      aliasUris: [registeredAliasUri('runlens-registry-demo', 'champion')],
    });
    expect(snippets.load).toContain('model = mlflow.pyfunc.load_model("models:/runlens-registry-demo/1")');
    expect(snippets.load).toContain('# model = mlflow.pyfunc.load_model("models:/runlens-registry-demo@champion")');
    expect(snippets.serve).toBe('mlflow models serve -m models:/runlens-registry-demo/1 --port 5001');
    expect(buildSnippets({ modelUri: registeredVersionUri("it's", '2'), servingExample: undefined }).serve).toBe(
      `mlflow models serve -m 'models:/it'\\''s/2' --port 5001`,
    );
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
