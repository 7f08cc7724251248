import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Markdown } from './markdown.tsx';

describe('Markdown', () => {
  it('renders Markdown and shows raw HTML as text, never as elements', () => {
    const { container } = render(<Markdown source={"Run **notes** with <script>alert('run')</script> <img src=x onerror=alert(1)>"} />);
    expect(container.querySelector('strong')?.textContent).toBe('notes');
    expect(container.querySelector('script, img')).toBeNull();
  });

  it('drops javascript: links and opens others safely', () => {
    render(<Markdown source={'[bad](javascript:alert(1)) [good](https://mlflow.org)'} />);
    expect(screen.queryByRole('link', { name: 'bad' })).toBeNull();
    const good = screen.getByRole('link', { name: 'good' });
    expect(good).toHaveAttribute('href', 'https://mlflow.org');
    expect(good).toHaveAttribute('rel', 'noopener noreferrer nofollow');
  });
});

describe('Markdown of hostile size', () => {
  it('shows a 10 MB source as bounded plain text with a notice instead of parsing it', () => {
    const source = `# Title\n\n${'**bold** <b>x</b> '.repeat(600_000)}`;
    const { container } = render(<Markdown source={source} />);
    expect(screen.getByRole('note')).toHaveTextContent(
      `Too long to format as Markdown (${source.length.toLocaleString('en-US')} characters): the first 200,000 are shown as plain text.`,
    );
    expect(container.querySelector('h1, strong, b')).toBeNull();
    expect(container.querySelector('pre')?.textContent).toBe(source.slice(0, 200_000));
  });
});

describe('Markdown inline', () => {
  it('keeps emphasis and code, turns blocks into their text, and runs nothing', () => {
    const { container } = render(
      <Markdown inline source={'# Runs with **bad data** and `code` <script>alert(1)</script> [x](javascript:alert(1))'} />,
    );
    const root = container.firstElementChild!;
    expect(root.tagName).toBe('SPAN');
    expect(root.querySelector('strong')?.textContent).toBe('bad data');
    expect(root.querySelector('code')?.textContent).toBe('code');
    expect(root.querySelector('h1, p, div, script, a[href]')).toBeNull();
    expect(root.textContent).toBe('Runs with bad data and code <script>alert(1)</script> x');
  });
});
