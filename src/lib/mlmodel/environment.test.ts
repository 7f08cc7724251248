import { describe, expect, it } from 'vitest';
import conda from './__fixtures__/elasticnet-sk_model.conda.yaml.mlflow-3.17.2.txt?raw';
import pythonEnv from './__fixtures__/elasticnet-sk_model.python_env.yaml.mlflow-3.17.2.txt?raw';
import requirements from './__fixtures__/elasticnet-sk_model.requirements.txt.mlflow-3.17.2.txt?raw';
import { parseCondaYaml, parsePythonEnvYaml, parseRequirementsTxt } from './environment.ts';

describe('environment files (seed 002, MLflow 3.17.2)', () => {
  it('lists conda channels, conda and pip dependencies', () => {
    expect(parseCondaYaml(conda)).toEqual({
      ok: true,
      sections: [
        { title: 'Name', items: ['mlflow-env'] },
        { title: 'Channels', items: ['conda-forge'] },
        { title: 'Conda dependencies', items: ['python=3.11.7', 'pip<=23.2.1'] },
        {
          title: 'Pip dependencies',
          items: ['mlflow==3.17.2', 'numpy==2.4.6', 'pandas==3.1.1', 'scikit-learn==1.9.1', 'scipy==1.17.1', 'skops==0.16.0'],
        },
      ],
    });
  });

  it('lists python_env.yaml and requirements.txt', () => {
    expect(parsePythonEnvYaml(pythonEnv)).toEqual({
      ok: true,
      sections: [
        { title: 'Python', items: ['3.11.7'] },
        { title: 'Build dependencies', items: ['pip==23.2.1', 'setuptools==65.5.0', 'wheel'] },
        { title: 'Dependencies', items: ['-r requirements.txt'] },
      ],
    });
    expect(parseRequirementsTxt(`${requirements}\n# a comment\n-c constraints.txt  # pinned\n`)).toMatchObject({
      sections: [
        {
          items: [
            'mlflow==3.17.2',
            'numpy==2.4.6',
            'pandas==3.1.1',
            'scikit-learn==1.9.1',
            'scipy==1.17.1',
            'skops==0.16.0',
            '-c constraints.txt',
          ],
        },
      ],
    });
  });

  it('reports hostile or broken files', () => {
    expect(parseCondaYaml('dependencies: !!js/function "x"')).toMatchObject({ ok: false });
    expect(parsePythonEnvYaml('python: [3')).toMatchObject({ ok: false });
  });

  it('lists a conda.yaml with 300,000 pip entries (too many to spread as arguments)', () => {
    // Flow style keeps 300,000 entries under the parser's 1 MB limit.
    const entries = Array.from({ length: 300_000 }, (_, i) => (i === 299_999 ? 'z' : 'a'));
    const result = parseCondaYaml(`dependencies:\n  - python=3.11\n  - pip: [${entries.join(',')}]\n`);
    if (!result.ok) throw new Error(result.error);
    const pip = result.sections.find((section) => section.title === 'Pip dependencies')?.items;
    expect(pip?.length).toBe(300_000);
    expect(pip?.at(-1)).toBe('z');
    // Parsing 600 KB of YAML takes seconds on a shared CI core.
  }, 30_000);
});
