import { describe, expect, it } from 'vitest';
import { parseReportSpec, ReportSpecError } from './spec.ts';

const parse = (yaml: string) => parseReportSpec(yaml, 'report.yaml');
const errorOf = (yaml: string): string => {
  try {
    parse(yaml);
  } catch (err) {
    expect(err).toBeInstanceOf(ReportSpecError);
    return (err as Error).message;
  }
  throw new Error('expected the spec to be refused');
};

describe('parseReportSpec', () => {
  it('reads title, text paragraphs, tracking server and sections with their sizes', () => {
    const spec = parse(`
title: Weekly training report
text: |
  First paragraph.

  Second paragraph.
tracking_uri: http://mlflow.internal:5000
sections:
  - view: /experiments/1?searchFilter=metrics.rmse%20%3C%201
    caption: All runs
  - view: https://runlens.example.com/compare?runs=a,b
    caption: Compare
    width: 1600
    height: 900
`);
    expect(spec).toEqual({
      title: 'Weekly training report',
      paragraphs: ['First paragraph.', 'Second paragraph.'],
      trackingUri: 'http://mlflow.internal:5000',
      sections: [
        { view: '/experiments/1?searchFilter=metrics.rmse%20%3C%201', caption: 'All runs', width: undefined, height: undefined },
        { view: 'https://runlens.example.com/compare?runs=a,b', caption: 'Compare', width: 1600, height: 900 },
      ],
    });
  });

  it('takes a tracking server on a loopback address or a bare host name', () => {
    expect(parse('title: T\ntracking_uri: http://127.0.0.1:5000\nsections: [{view: /, caption: c}]').trackingUri).toBe(
      'http://127.0.0.1:5000',
    );
    expect(parse('title: T\ntracking_uri: http://localhost:5000/mlflow\nsections: [{view: /, caption: c}]').trackingUri).toBe(
      'http://localhost:5000/mlflow',
    );
  });

  it('takes text as a list of paragraphs too, and no text at all', () => {
    expect(parse('title: T\ntext: [one, two]\nsections: [{view: /, caption: c}]').paragraphs).toEqual(['one', 'two']);
    expect(parse('title: T\nsections: [{view: /, caption: c}]').paragraphs).toEqual([]);
  });

  it('names a missing field', () => {
    expect(errorOf('sections: [{view: /, caption: c}]')).toContain('title: is required');
    expect(errorOf('title: T\nsections: [{view: /}]')).toContain('sections[0].caption: is required');
    expect(errorOf('title: T')).toContain('sections: is required');
  });

  it('names a misspelt field instead of ignoring it', () => {
    expect(errorOf('title: T\nsections: [{view: /, captoin: c}]')).toMatch(/sections\[0\]: unknown field "captoin"/);
    expect(errorOf('title: T\ntracking-uri: http://x\nsections: [{view: /, caption: c}]')).toMatch(
      /\(top level\): unknown field "tracking-uri"/,
    );
  });

  it('names a field of the wrong kind or out of range', () => {
    expect(errorOf('title: T\nsections: []')).toContain('sections: a report needs at least one section');
    expect(errorOf('title: T\nsections: [{view: /, caption: c, width: wide}]')).toContain('sections[0].width:');
    expect(errorOf('title: T\nsections: [{view: /, caption: c}, {view: /, caption: c, height: 10}]')).toContain('sections[1].height:');
    expect(errorOf('title: "  "\nsections: [{view: /, caption: c}]')).toContain('title: title must not be empty');
    expect(errorOf('title: T\ntracking_uri: ftp://x\nsections: [{view: /, caption: c}]')).toContain('tracking_uri: must be an http(s) URL');
  });

  it('refuses a view that is neither a path nor an http(s) URL', () => {
    expect(errorOf('title: T\nsections: [{view: /, caption: c}, {view: "javascript:alert(1)", caption: c}]')).toContain(
      'sections[1].view: must be a Runlens path starting with "/" or an http(s) URL',
    );
  });

  it('says when the file is not YAML at all', () => {
    expect(errorOf('title: [unclosed')).toMatch(/^report\.yaml: not valid YAML/);
  });
});
