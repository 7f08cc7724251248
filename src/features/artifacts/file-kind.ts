// What preview a file gets, from its name (as MLflow's UI does: common/utils/FileUtils.ts),
// and whether its size allows one. Anything not known to be safe to show is "binary".
import { MAX_PREVIEW_BYTES, MAX_TEXT_PREVIEW_BYTES } from '@/api/artifacts.ts';

export type PreviewKind = 'image' | 'html' | 'pdf' | 'table' | 'json' | 'yaml' | 'markdown' | 'text' | 'binary';

const IMAGE = ['png', 'jpg', 'jpeg', 'gif', 'bmp', 'webp', 'svg'];
const TEXT = [
  'txt',
  'log',
  'err',
  'out',
  'cfg',
  'conf',
  'cnf',
  'cf',
  'ini',
  'properties',
  'prop',
  'hocon',
  'toml',
  'xml',
  'js',
  'ts',
  'py',
  'py3',
  'r',
  'sh',
  'sql',
  'rst',
  'jsonnet',
  'java',
  'scala',
  'c',
  'h',
  'cpp',
  'go',
  'rs',
  'ipynb',
  'jsonl',
  'env',
];
const TEXT_NAMES = ['MLmodel', 'MLproject', 'Dockerfile', 'LICENSE', 'README', 'registered_model_meta'];

export function previewKind(fileName: string): PreviewKind {
  if (TEXT_NAMES.includes(fileName)) return fileName === 'MLmodel' ? 'yaml' : 'text';
  const dot = fileName.lastIndexOf('.');
  const ext = dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
  if (IMAGE.includes(ext)) return 'image';
  if (ext === 'html' || ext === 'htm') return 'html';
  if (ext === 'pdf') return 'pdf';
  if (ext === 'csv' || ext === 'tsv') return 'table';
  if (ext === 'json' || ext === 'geojson') return 'json';
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (TEXT.includes(ext)) return 'text';
  return 'binary';
}

/** Kinds whose bytes are read into the page (as opposed to shown by the browser from a URL). */
export function isTextKind(kind: PreviewKind): boolean {
  return kind === 'table' || kind === 'json' || kind === 'yaml' || kind === 'markdown' || kind === 'text';
}

export type Gate = { ok: true } | { ok: false; reason: string };

export function previewGate(kind: PreviewKind, size: number | undefined): Gate {
  if (kind === 'binary') return { ok: false, reason: 'Binary file: no preview.' };
  if (size !== undefined && size > MAX_PREVIEW_BYTES) {
    return { ok: false, reason: `Too large to preview (${formatBytes(size)}; previews stop at ${formatBytes(MAX_PREVIEW_BYTES)}).` };
  }
  if (isTextKind(kind) && size !== undefined && size > MAX_TEXT_PREVIEW_BYTES) {
    return {
      ok: false,
      reason: `Too large to show as text (${formatBytes(size)}; text previews stop at ${formatBytes(MAX_TEXT_PREVIEW_BYTES)}).`,
    };
  }
  return { ok: true };
}

/**
 * How a preview the browser loads from a URL (an image, an HTML frame) is loaded. With a listed
 * size, previewGate has already checked it and the URL is loaded as is. Some stores list no
 * sizes, and then nothing would stop a multi-gigabyte "image" streaming into the page: images are
 * read through the capped reader instead (MAX_IMAGE_READ_BYTES) and shown from a blob, and HTML,
 * which cannot run from a blob (see previews/html-view.tsx), loads only when asked. PDFs are
 * always read through the capped reader.
 */
export type UrlPreviewLoad = 'url' | 'capped-read' | 'on-request';

export function urlPreviewLoad(kind: 'image' | 'html', size: number | undefined): UrlPreviewLoad {
  if (size !== undefined) return 'url';
  return kind === 'image' ? 'capped-read' : 'on-request';
}

/** The maximum an unknown-size image is read to (the size gate for images). */
export const MAX_IMAGE_READ_BYTES = MAX_PREVIEW_BYTES;

const IMAGE_TYPES: Record<string, string> = { jpg: 'image/jpeg', svg: 'image/svg+xml' };

/** The type a blob of image bytes is given, from the name (SVG is drawn only when typed so). */
export function imageMimeType(fileName: string): string {
  const ext = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
  return IMAGE_TYPES[ext] ?? `image/${ext}`;
}

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes)) return '';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 10 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}
