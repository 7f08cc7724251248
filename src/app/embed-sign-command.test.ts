import { describe, expect, it } from 'vitest';
import { signCommandFor, viewScope } from './embed-sign-command.ts';

describe('viewScope', () => {
  it('reads the experiments and runs a view shows from its URL', () => {
    expect(viewScope('/experiments/7')).toEqual({ experiments: ['7'], runs: [] });
    expect(viewScope('/experiments/7/runs/abc/metrics')).toEqual({ experiments: ['7'], runs: ['abc'] });
    expect(viewScope('/compare?experiments=1,2&count=50')).toEqual({ experiments: ['1', '2'], runs: [] });
    expect(viewScope('/compare?runs=a,b')).toEqual({ experiments: [], runs: ['a', 'b'] });
  });
});

describe('signCommandFor', () => {
  it('writes the runlens sign command for the view, without its embed options, each argument a shell word', () => {
    expect(signCommandFor('http://runlens.example:5173', '/experiments/7?embed=true&frameId=f&scope=S&sig=G&sort=metrics.%60acc%60')).toBe(
      "runlens sign '/experiments/7?sort=metrics.%60acc%60' --experiments '7' --expires 7d --url 'http://runlens.example:5173'",
    );
  });

  it('leaves a placeholder where the URL does not say which experiments, and quotes what a shell would read', () => {
    expect(signCommandFor('http://h', "/compare?runs=a,b&x=it's")).toBe(
      "runlens sign '/compare?runs=a%2Cb&x=it%27s' --experiments <experiment ids> --runs 'a,b' --expires 7d --url 'http://h'",
    );
  });
});
