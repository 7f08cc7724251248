import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MarkdownView } from './markdown-view.tsx';

describe('MarkdownView', () => {
  it('formats a README', () => {
    render(<MarkdownView text={'# Model card\n\nTrained **twice**.'} label="Contents of README.md" />);
    expect(screen.getByRole('heading', { name: 'Model card' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Contents of README.md' })).toHaveTextContent('Trained twice.');
  });

  it('shows a 10 MB Markdown file as plain, windowed text with a notice instead of parsing it', () => {
    const text = '# Heading\n\nsome *text*\n'.repeat(450_000);
    render(<MarkdownView text={text} label="Contents of huge.md" />);
    expect(screen.getAllByRole('note')[0]).toHaveTextContent(
      `Too long to format as Markdown (${text.length.toLocaleString('en-US')} characters; the limit is 200,000): shown as plain text.`,
    );
    expect(screen.queryByRole('heading')).toBeNull();
    const region = screen.getByRole('region', { name: 'Contents of huge.md' });
    const shown = region.querySelector('.artifact-text__content')?.textContent ?? '';
    expect(shown.startsWith('# Heading\n\nsome *text*\n')).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(500_000);
  });
});
