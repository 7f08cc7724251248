import { describe, expect, it } from 'vitest';
import { paths } from './paths.ts';

describe('paths.experiment.match', () => {
  it('reads the id of a run-table URL, decoded as the router decodes it', () => {
    expect(paths.experiment.match('/experiments/12')).toBe('12');
    expect(paths.experiment.match('/experiments/12/')).toBe('12');
    expect(paths.experiment.match(paths.experiment.getHref('a b/c'))).toBe('a b/c');
  });

  it('matches nothing else', () => {
    expect(paths.experiment.match('/experiments/12/runs/abc')).toBeUndefined();
    // The Models tab is not a run table: nothing primes runs for it.
    expect(paths.experiment.match(paths.experimentModels.getHref('12'))).toBeUndefined();
    expect(paths.experiment.match('/')).toBeUndefined();
    expect(paths.experiment.match('/experiments/%E0%A4%A')).toBeUndefined();
  });
});

describe('paths.run.match', () => {
  it('reads the ids of a run page and its tabs, and nothing else', () => {
    expect(paths.run.match('/experiments/7/runs/a%2Fb/metrics')).toEqual({ experimentId: '7', runId: 'a/b' });
    expect(paths.run.match(paths.run.getHref('1', 'abc'))).toEqual({ experimentId: '1', runId: 'abc' });
    expect(paths.run.match('/experiments/7')).toBeUndefined();
    expect(paths.run.match('/experiments/7/runs/%E0%A4')).toBeUndefined();
  });
});

describe('paths.runArtifacts', () => {
  it('builds artifact links of a run, or of one of its LoggedModels by ?model=', () => {
    expect(paths.runArtifacts.getHref('1', 'r', 'a b/c.txt')).toBe('/experiments/1/runs/r/artifacts/a%20b/c.txt');
    expect(paths.runArtifacts.getHref('1', 'r', '', 'm-1&x')).toBe('/experiments/1/runs/r/artifacts?model=m-1%26x');
  });
});

describe('registry paths', () => {
  it('encode a model name, version and alias as one segment each', () => {
    expect(paths.models.getHref()).toBe('/models');
    expect(paths.models.getHref(new URLSearchParams({ searchFilter: 'iris 2' }))).toBe('/models?searchFilter=iris+2');
    expect(paths.registeredModel.getHref('a b/c?d')).toBe('/models/a%20b%2Fc%3Fd');
    expect(paths.modelVersion.getHref('iris', '2')).toBe('/models/iris/versions/2');
    expect(paths.modelAlias.getHref('iris', 'champion#1')).toBe('/models/iris/aliases/champion%231');
  });
});
