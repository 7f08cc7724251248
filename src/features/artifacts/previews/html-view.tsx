import { useState } from 'react';
import { urlPreviewLoad } from '../file-kind.ts';

export interface HtmlViewProps {
  url: string;
  size: number | undefined;
  name: string;
}

/**
 * HTML artifacts run in a frame with `sandbox="allow-scripts"` and never `allow-same-origin`:
 * the document gets an opaque origin, so its scripts cannot read Runlens's DOM, storage or
 * cookies. The frame loads the proxy's download URL rather than a blob: or srcdoc document
 * (which would inherit the app's CSP and block every inline script of a Plotly report): the
 * proxy serves artifact bytes with their own CSP (`sandbox allow-scripts`, `connect-src 'none'`,
 * server/security.ts), so the frame cannot call the API either, and neither can the file when
 * opened directly. A file whose size was not listed loads only when asked (file-kind.ts).
 */
export function HtmlView({ url, size, name }: HtmlViewProps) {
  const [requested, setRequested] = useState(false);
  if (urlPreviewLoad('html', size) === 'on-request' && !requested) {
    return (
      <p className="artifact-download-only" role="status">
        Its size is not listed, so it is not loaded until asked.{' '}
        <button type="button" onClick={() => setRequested(true)}>
          Load preview
        </button>
      </p>
    );
  }
  return (
    <>
      <p className="artifact-notice" role="note">
        Shown in a sandbox: its scripts run, but cannot reach Runlens, its storage or the tracking server.
      </p>
      <iframe className="artifact-frame" title={`Preview of ${name}`} src={url} sandbox="allow-scripts" referrerPolicy="no-referrer" />
    </>
  );
}
