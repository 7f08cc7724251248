// The one Markdown renderer: react-markdown builds React elements (no HTML string ever reaches
// the DOM) and raw HTML in the source is shown as text, not parsed. Links keep only safe
// schemes: javascript:, data:, vbscript: and the like become inert.
import ReactMarkdown, { type Components } from 'react-markdown';

const SAFE_URL = /^(https?:|mailto:|#|\/(?!\/))/i;

export function safeUrl(url: string): string {
  const trimmed = url.trim();
  return SAFE_URL.test(trimmed) ? trimmed : '';
}

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} target="_blank" rel="noopener noreferrer nofollow">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  // Images would load from anywhere (tracking pixels); their alt text is shown instead.
  img: ({ alt }) => <span className="muted">[image: {alt}]</span>,
};

/**
 * Longer sources are not parsed: Markdown is parsed on the main thread, and a 10 MB file froze
 * the page. They are shown as plain text, cut at this length (callers with a better text view,
 * such as artifact previews, check this themselves first).
 */
export const MAX_MARKDOWN_CHARS = 200_000;

/**
 * What a one-line preview keeps (a table cell): emphasis, code, links and images' alt text.
 * Blocks (headings, lists, quotes, paragraphs) give way to their text, so a "# Title" line
 * reads as text in the cell instead of a heading in the page's outline.
 */
const INLINE_ELEMENTS = ['strong', 'em', 'del', 'code', 'a', 'img', 'br'];

export interface MarkdownProps {
  source: string;
  /** Inline elements only, in a span: for a line of Markdown inside other text (a table cell). */
  inline?: boolean;
}

export function Markdown({ source, inline = false }: MarkdownProps) {
  if (inline) {
    // Callers pass a line cut to a cell's length, far below the block renderer's cap.
    return (
      <span className="markdown markdown--inline">
        <ReactMarkdown skipHtml={false} urlTransform={safeUrl} components={components} allowedElements={INLINE_ELEMENTS} unwrapDisallowed>
          {source.slice(0, MAX_MARKDOWN_CHARS)}
        </ReactMarkdown>
      </span>
    );
  }
  if (source.length > MAX_MARKDOWN_CHARS) {
    return (
      <div className="markdown">
        <p className="muted" role="note">
          Too long to format as Markdown ({source.length.toLocaleString('en-US')} characters): the first{' '}
          {MAX_MARKDOWN_CHARS.toLocaleString('en-US')} are shown as plain text.
        </p>
        <pre className="markdown__plain">{source.slice(0, MAX_MARKDOWN_CHARS)}</pre>
      </div>
    );
  }
  return (
    <div className="markdown">
      <ReactMarkdown skipHtml={false} urlTransform={safeUrl} components={components} disallowedElements={['script', 'style', 'iframe']}>
        {source}
      </ReactMarkdown>
    </div>
  );
}
