// The report document Chromium prints to PDF: a title page, then one page per section (its
// caption, the rendered view at full width, and a footer with the link to the live view).
// Every string in it comes from a spec or a URL someone else wrote, so every one goes through
// escapeHtml and the page carries a CSP that allows no script and no fetch: the document can show
// text and the embedded PNGs, nothing else.

export interface ReportPage {
  caption: string;
  /** The view as a person opens it (without render=1): the footer link. */
  liveUrl: string;
  png: Uint8Array;
}

export interface ReportDocument {
  title: string;
  paragraphs: string[];
  /** When the report was made, shown as written. */
  date: string;
  trackingServer: string;
  runlensVersion: string;
  /** The Runlens the views were rendered by: the title page's footer link. */
  runlensUrl: string;
  sections: ReportPage[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and double-quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A link target must be http(s); anything else (javascript:, data:) is shown as text only. */
function safeHref(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function footer(url: string): string {
  const href = safeHref(url);
  const text = escapeHtml(url);
  return `<footer class="live-link">${href ? `<a href="${escapeHtml(href)}">${text}</a>` : text}</footer>`;
}

// One section per printed page: the page box is fixed to the paper's content height and the image
// shrinks to fit, so the footer below it is on the same page as its view, on every page.
const STYLE = `
@page { size: A4 landscape; margin: 10mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: sans-serif; color: #111; }
.page { height: 189mm; display: flex; flex-direction: column; break-inside: avoid; }
.page + .page { break-before: page; }
.title-page { justify-content: center; padding: 0 20mm; }
.title-page h1 { font-size: 28pt; margin: 0 0 6mm; }
.title-page dl { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 6mm; font-size: 11pt; margin: 0 0 8mm; }
.title-page dt { font-weight: bold; }
.title-page dd { margin: 0; }
.title-page p { font-size: 11pt; line-height: 1.45; margin: 0 0 3mm; max-width: 200mm; }
.section h2 { font-size: 14pt; margin: 0 0 3mm; }
.section .view { flex: 1; min-height: 0; display: flex; align-items: flex-start; justify-content: center; }
.section img { max-width: 100%; max-height: 100%; object-fit: contain; border: 0.2mm solid #ccc; }
.live-link { margin-top: auto; padding-top: 2mm; font: 8pt monospace; color: #444; overflow-wrap: anywhere; }
.live-link a { color: inherit; }
`;

export function reportHtml(doc: ReportDocument): string {
  const paragraphs = doc.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const titlePage = `<section class="page title-page">
<h1>${escapeHtml(doc.title)}</h1>
<dl>
<dt>Date</dt><dd>${escapeHtml(doc.date)}</dd>
<dt>Tracking server</dt><dd>${escapeHtml(doc.trackingServer)}</dd>
<dt>Runlens</dt><dd>${escapeHtml(doc.runlensVersion)}</dd>
</dl>
${paragraphs}
${footer(doc.runlensUrl)}
</section>`;
  const sections = doc.sections.map(
    (section, index) => `<section class="page section">
<h2>${index + 1}. ${escapeHtml(section.caption)}</h2>
<div class="view"><img alt="${escapeHtml(section.caption)}" src="data:image/png;base64,${Buffer.from(section.png).toString('base64')}"></div>
${footer(section.liveUrl)}
</section>`,
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>${escapeHtml(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
${[titlePage, ...sections].join('\n')}
</body>
</html>
`;
}
