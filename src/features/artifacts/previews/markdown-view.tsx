import { Markdown, MAX_MARKDOWN_CHARS } from '@/components/markdown.tsx';
import { TextView } from './text-view.tsx';

export interface MarkdownViewProps {
  text: string;
  label: string;
}

/**
 * A Markdown artifact, formatted (sanitised: raw HTML in the file stays text, javascript: links
 * are dropped); past the Markdown size limit, as plain text with line numbers instead.
 */
export function MarkdownView({ text, label }: MarkdownViewProps) {
  if (text.length > MAX_MARKDOWN_CHARS) {
    return (
      <>
        <p className="artifact-notice" role="note">
          Too long to format as Markdown ({text.length.toLocaleString('en-US')} characters; the limit is{' '}
          {MAX_MARKDOWN_CHARS.toLocaleString('en-US')}): shown as plain text.
        </p>
        <TextView text={text} label={label} />
      </>
    );
  }
  return (
    <div className="artifact-markdown" role="region" aria-label={label}>
      <Markdown source={text} />
    </div>
  );
}
