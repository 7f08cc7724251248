import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TextView } from './text-view.tsx';

const gutter = (container: HTMLElement) => container.querySelector('.artifact-text__numbers')?.textContent ?? '';
const content = (container: HTMLElement) => container.querySelector('.artifact-text__content')?.textContent ?? '';

describe('TextView', () => {
  it('shows a short text whole, numbered, without a notice', () => {
    const { container } = render(<TextView text={'one\ntwo\n'} label="Contents of a.txt" />);
    expect(screen.getByRole('region', { name: 'Contents of a.txt' })).toHaveTextContent('one');
    expect(gutter(container)).toBe('1\n2');
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('numbers 10 MB of newlines in bounded memory, showing the first 10,000 lines', () => {
    const { container } = render(<TextView text={'\n'.repeat(10 * 1024 * 1024)} label="Contents of blank.log" />);
    expect(screen.getByRole('note')).toHaveTextContent('Showing the first 10,000 of 10,485,760 lines; download the file for all of it.');
    expect(gutter(container).length).toBeLessThan(60_000);
    expect(gutter(container).endsWith('\n10000')).toBe(true);
    expect(content(container).length).toBe(10_000);
  });

  it('shows more of a long text on request', () => {
    const text = Array.from({ length: 25_000 }, (_, i) => `line ${i + 1}`).join('\n');
    const { container } = render(<TextView text={text} label="Contents of long.log" />);
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(screen.getByRole('note')).toHaveTextContent('Showing the first 20,000 of 25,000 lines');
    expect(gutter(container).endsWith('\n20000')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(screen.queryByRole('note')).toBeNull();
    expect(content(container)).toContain('line 25000');
  });

  it('cuts one 10 MB line at the character cap', () => {
    const { container } = render(<TextView text={'x'.repeat(10 * 1024 * 1024)} label="Contents of one-line.txt" />);
    expect(screen.getByRole('note')).toHaveTextContent('Showing the first 500,000 of 10,485,760 characters');
    expect(content(container).length).toBe(500_000);
    expect(gutter(container)).toBe('1');
  });
});
