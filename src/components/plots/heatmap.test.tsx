import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { heatmapGrid } from '@/lib/compare/heatmap-grid.ts';
import { contrastText } from './contrast-text.ts';
import { Heatmap } from './heatmap.tsx';

const grid = heatmapGrid([
  { id: 'a', x: '0.1', y: 'linear', value: 0.5 },
  { id: 'b', x: '1', y: 'linear', value: 0.25 },
  { id: 'c', x: '0.1', y: 'rbf', value: 0.125 },
  { id: 'd', x: '0.1', y: 'rbf', value: 0.375 },
]);
const colorOf = (value: number | undefined) =>
  value === undefined ? 'rgb(200, 200, 200)' : value > 0.3 ? 'rgb(10, 10, 60)' : 'rgb(250, 240, 200)';

describe('Heatmap', () => {
  it('fills a 2×2 grid with the formatted means, marks empty and best cells', () => {
    const { container } = render(
      <Heatmap caption="Heatmap" xLabel="C" yLabel="kernel" grid={grid} colorOf={colorOf} width={400} bestIds={new Set(['a'])} />,
    );
    const cells = [...container.querySelectorAll('[data-cell]')];
    expect(cells.map((c) => c.getAttribute('aria-label'))).toEqual([
      'C 0.1, kernel linear: 0.5, best',
      'C 1, kernel linear: 0.25',
      'C 0.1, kernel rbf: 0.25',
      'C 1, kernel rbf: no runs',
    ]);
    expect(cells.map((c) => c.querySelector('text')?.textContent)).toEqual(['0.5', '0.25', '0.25', '—']);
    // White on the dark fill, black on the light one.
    expect(cells[0]!.querySelector('text')!.getAttribute('style')).toContain('#ffffff');
    expect(cells[1]!.querySelector('text')!.getAttribute('style')).toContain('#000000');
    expect(container.querySelectorAll('.chart-heatmap__best')).toHaveLength(1);
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });

  it('makes cells with runs buttons when they can be clicked, by pointer or keyboard', async () => {
    const onCellClick = vi.fn();
    render(<Heatmap caption="Heatmap" xLabel="C" yLabel="kernel" grid={grid} colorOf={colorOf} width={400} onCellClick={onCellClick} />);
    const buttons = screen.getAllByRole('button');
    expect(buttons).toHaveLength(3);
    await userEvent.click(buttons[1]!);
    expect(onCellClick).toHaveBeenLastCalledWith(expect.objectContaining({ x: '1', y: 'linear' }));
    buttons[2]!.focus();
    await userEvent.keyboard('{Enter}');
    expect(onCellClick).toHaveBeenLastCalledWith(expect.objectContaining({ x: '0.1', y: 'rbf', ids: ['c', 'd'] }));
    await userEvent.keyboard(' ');
    expect(onCellClick).toHaveBeenCalledTimes(3);
  });
});

describe('contrastText', () => {
  it('reads rgb() and hex fills and gives up on anything else', () => {
    expect(contrastText('rgb(255, 255, 255)')).toBe('#000000');
    expect(contrastText('#000')).toBe('#ffffff');
    expect(contrastText('rgb(68, 1, 84)')).toBe('#ffffff');
    expect(contrastText('var(--accent)')).toBeUndefined();
  });
});
