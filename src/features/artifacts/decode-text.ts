// Artifact bytes to text for previews: NUL bytes early on mean a binary file; invalid UTF-8
// falls back to windows-1252 (a superset of Latin-1 that decodes any byte) with a notice.

export type DecodedText = { kind: 'binary' } | { kind: 'text'; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' };

const SNIFF_BYTES = 8192;

export function decodeText(bytes: Uint8Array): DecodedText {
  // UTF-16 files (Windows tools) are full of NULs but are text; their BOM says so.
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { kind: 'text', text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { kind: 'text', text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return { kind: 'binary' };
  try {
    // ignoreBOM: false (default) strips a UTF-8 BOM.
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { kind: 'text', text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}
