import { describe, expect, it } from 'vitest';
import { escapeHtml, reportHtml, type ReportDocument } from './report-html.ts';

const HOSTILE = `<img src=x onerror="alert(1)">'&</p><script>alert(2)</script>`;

const doc = (overrides: Partial<ReportDocument> = {}): ReportDocument => ({
  title: 'Weekly report',
  paragraphs: ['First.', 'Second.'],
  date: '2026-12-02 08:00 UTC',
  trackingServer: 'http://mlflow:5000',
  runlensVersion: '0.1.0',
  runlensUrl: 'http://127.0.0.1:5173/',
  sections: [
    { caption: 'All runs', liveUrl: 'http://127.0.0.1:5173/experiments/1', png: new Uint8Array([1, 2, 3]) },
    { caption: 'Metrics', liveUrl: 'http://127.0.0.1:5173/experiments/1/runs/r1/metrics?keys=a%2Cb', png: new Uint8Array([4]) },
  ],
  ...overrides,
});

describe('escapeHtml', () => {
  it('escapes every character that can open a tag, an entity or leave an attribute', () => {
    expect(escapeHtml(HOSTILE)).toBe(
      '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&#39;&amp;&lt;/p&gt;&lt;script&gt;alert(2)&lt;/script&gt;',
    );
  });
});

describe('reportHtml', () => {
  it('has a title page, one page per section with its caption, image and live link, page breaks between', () => {
    const html = reportHtml(doc());
    expect(html).toContain('<h1>Weekly report</h1>');
    expect(html).toContain('<dd>http://mlflow:5000</dd>');
    expect(html).toContain('<dd>0.1.0</dd>');
    expect(html).toContain('<p>First.</p>\n<p>Second.</p>');
    expect(html.match(/<section class="page/g)).toHaveLength(3);
    expect(html).toContain('<h2>2. Metrics</h2>');
    expect(html).toContain('src="data:image/png;base64,AQID"');
    expect(html).toContain(
      '<footer class="live-link"><a href="http://127.0.0.1:5173/experiments/1/runs/r1/metrics?keys=a%2Cb">http://127.0.0.1:5173/experiments/1/runs/r1/metrics?keys=a%2Cb</a></footer>',
    );
    expect(html).toContain('.page + .page { break-before: page; }');
  });

  it('shows hostile titles, text and captions as text: no tag, attribute or script of theirs survives', () => {
    const html = reportHtml(
      doc({
        title: HOSTILE,
        paragraphs: [HOSTILE],
        trackingServer: HOSTILE,
        sections: [{ caption: HOSTILE, liveUrl: `http://h/x?q="><script>alert(3)</script>`, png: new Uint8Array([1]) }],
      }),
    );
    expect(html).not.toContain('<script');
    expect(html).not.toContain('onerror="');
    expect(html).not.toContain('<img src=x');
    expect(html.match(/<img /g)).toHaveLength(1);
    expect(html).toContain(`<h1>${escapeHtml(HOSTILE)}</h1>`);
    expect(html).toContain(`alt="${escapeHtml(HOSTILE)}"`);
    // And the page could not run a script even if one slipped through.
    expect(html).toContain(`content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"`);
  });

  it('never makes a link of a non-http URL', () => {
    const html = reportHtml(doc({ runlensUrl: 'javascript:alert(1)' }));
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('<footer class="live-link">javascript:alert(1)</footer>');
  });
});
