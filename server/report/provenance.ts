// Where a report's images came from, written into the files themselves so a PNG pasted into a
// wiki or a PDF mailed on still says which view, which tracking server, which runs and when:
// PNG text chunks (tEXt) and the PDF's document info dictionary.
import { PDFDocument } from 'pdf-lib';
import encodeChunks from 'png-chunks-encode';
import extractChunks from 'png-chunks-extract';
import * as textChunk from 'png-chunk-text';

export interface Provenance {
  /** The live view (without render=1). */
  viewUrl: string;
  trackingServer: string;
  runIds: string[];
  renderedAt: Date;
  runlensVersion: string;
}

/** PNG text keywords; "Software" and "Creation Time" are the PNG specification's own. */
export const PNG_KEYS = {
  viewUrl: 'Runlens View',
  trackingServer: 'Runlens Tracking Server',
  runIds: 'Runlens Run Ids',
  renderedAt: 'Creation Time',
  software: 'Software',
} as const;

/**
 * The run ids a view URL names: its `runs=` list (compare and chart views) and the run in its
 * path (`/experiments/<id>/runs/<run>/…`), in order, without repeats.
 */
export function runIdsOf(viewUrl: string): string[] {
  const url = new URL(viewUrl, 'http://runlens.invalid');
  const ids: string[] = [];
  const inPath = /^\/experiments\/[^/]+\/runs\/([^/]+)/.exec(url.pathname)?.[1];
  if (inPath) ids.push(decodeURIComponent(inPath));
  for (const list of url.searchParams.getAll('runs')) ids.push(...list.split(','));
  return [...new Set(ids.map((id) => id.trim()).filter(Boolean))];
}

/**
 * tEXt holds Latin-1 only; URLs (percent-encoded by URL) and run ids are ASCII, and anything else
 * is written as a \u escape rather than silently mangled.
 */
function latin1(text: string): string {
  return text.replace(/[^\x20-\x7e\xa0-\xff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The PNG with its provenance added as tEXt chunks just before IEND (readers ignore unknown keys). */
export function withPngProvenance(png: Uint8Array, provenance: Provenance): Uint8Array {
  const chunks = extractChunks(png);
  const text = [
    textChunk.encode(PNG_KEYS.viewUrl, latin1(provenance.viewUrl)),
    textChunk.encode(PNG_KEYS.trackingServer, latin1(provenance.trackingServer)),
    // png-chunk-text refuses empty text, and a view of no particular run has no ids to name.
    ...(provenance.runIds.length > 0 ? [textChunk.encode(PNG_KEYS.runIds, latin1(provenance.runIds.join(',')))] : []),
    textChunk.encode(PNG_KEYS.renderedAt, provenance.renderedAt.toISOString()),
    textChunk.encode(PNG_KEYS.software, `Runlens ${latin1(provenance.runlensVersion)}`),
  ];
  const end = chunks.findIndex((chunk) => chunk.name === 'IEND');
  chunks.splice(end < 0 ? chunks.length : end, 0, ...text);
  return encodeChunks(chunks);
}

/** The tEXt entries of a PNG, keyword → text (what `exiftool` or `identify -verbose` would show). */
export function pngTextOf(png: Uint8Array): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const chunk of extractChunks(png)) {
    if (chunk.name !== 'tEXt') continue;
    const { keyword, text } = textChunk.decode(chunk.data);
    entries[keyword] = text;
  }
  return entries;
}

export interface PdfInfo {
  title: string;
  trackingServer: string;
  runIds: string[];
  runlensVersion: string;
  createdAt: Date;
}

/**
 * Sets the PDF's document info after Chromium wrote it (Chromium sets only Title and its own
 * Creator/Producer): Title, Subject = tracking server, Keywords = run ids, Creator = Runlens.
 */
export async function withPdfInfo(pdf: Uint8Array, info: PdfInfo): Promise<Uint8Array> {
  // updateMetadata: false, or pdf-lib would stamp itself as Creator and Producer on load.
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setSubject(info.trackingServer);
  doc.setKeywords(info.runIds);
  doc.setCreator(`Runlens ${info.runlensVersion}`);
  doc.setCreationDate(info.createdAt);
  doc.setModificationDate(info.createdAt);
  return doc.save();
}
