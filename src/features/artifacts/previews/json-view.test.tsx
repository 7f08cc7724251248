import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { JsonView } from './json-view.tsx';

const deepJson = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('JsonView', () => {
  it('pretty-prints JSON, and shows invalid JSON as text with the error', () => {
    render(<JsonView text={'{"a":[1,2]}'} label="Contents of a.json" />);
    expect(screen.getByRole('region', { name: 'Contents of a.json' })).toHaveTextContent('"a": [ 1, 2 ]', { normalizeWhitespace: true });
    render(<JsonView text={'{"a":'} label="Contents of bad.json" />);
    expect(screen.getByRole('note')).toHaveTextContent(/Not valid JSON/);
  });

  it('shows a 10 KB file nested 5,000 levels deep as written instead of throwing', () => {
    const text = deepJson(5000);
    render(<JsonView text={text} label="Contents of deep.json" />);
    expect(screen.getByRole('note')).toHaveTextContent('Nested deeper than 100 levels: shown as written, not re-formatted.');
    expect(screen.getByRole('region', { name: 'Contents of deep.json' })).toHaveTextContent(text);
  });

  it('draws a closed branch as one row: its children are not rendered until it is opened', () => {
    render(<JsonView text={JSON.stringify({ outer: { inner: { hidden: 'needle' } } })} label="Contents of tree.json" />);
    fireEvent.click(screen.getByRole('button', { name: 'Tree' }));
    const tree = screen.getByRole('group', { name: 'JSON tree' });
    const inner = within(tree).getByRole('button', { name: /^inner: ?\{1\}$/, expanded: false });
    expect(tree).not.toHaveTextContent('needle');
    expect(tree).not.toHaveTextContent('hidden');
    fireEvent.click(inner);
    expect(inner).toHaveAttribute('aria-expanded', 'true');
    expect(tree).toHaveTextContent('hidden: "needle"');
    fireEvent.click(inner);
    expect(tree).not.toHaveTextContent('needle');
  });

  it('stops the tree at 100 levels of a 5,000-deep file and offers the text view', () => {
    render(<JsonView text={deepJson(5000)} label="Contents of deep.json" />);
    fireEvent.click(screen.getByRole('button', { name: 'Tree' }));
    const tree = screen.getByRole('group', { name: 'JSON tree' });
    // Open the deepest closed branch until the tree stops offering any (role queries are too
    // slow in jsdom for a hundred nested buttons).
    const closed = () => tree.querySelector('button[aria-expanded="false"]');
    for (let next = closed(); next; next = closed()) fireEvent.click(next);
    expect(tree.querySelectorAll('button[aria-expanded="true"]')).toHaveLength(100);
    expect(tree).toHaveTextContent('nested deeper than 100 levels');
    const viewAsText = within(tree).getByText('View as text');
    expect(viewAsText.tagName).toBe('BUTTON');
    fireEvent.click(viewAsText);
    expect(screen.queryByRole('group', { name: 'JSON tree' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Formatted' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('region', { name: 'Contents of deep.json' })).toBeInTheDocument();
    // A hundred clicks through a hundred nested levels of jsdom.
  }, 30_000);

  it('lists the first 200 entries of a large array and counts the rest', () => {
    render(<JsonView text={JSON.stringify(Array.from({ length: 100_000 }, (_, i) => i))} label="Contents of wide.json" />);
    fireEvent.click(screen.getByRole('button', { name: 'Tree' }));
    const tree = screen.getByRole('group', { name: 'JSON tree' });
    expect(tree).toHaveTextContent('[100000]');
    expect(tree).toHaveTextContent('199: 199');
    expect(tree).not.toHaveTextContent('200: 200');
    expect(tree).toHaveTextContent('… 99,800 more');
  });
});
