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

export function Markdown({ source }: { source: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown skipHtml={false} urlTransform={safeUrl} components={components} disallowedElements={['script', 'style', 'iframe']}>
        {source}
      </ReactMarkdown>
    </div>
  );
}
