import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseParams, parseSchema } from '@/lib/mlmodel/signature.ts';
import { SignatureView } from './signature-view.tsx';

const TOO_DEEP = '(nested deeper than 100 levels: download the file to read it)';
const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

beforeEach(() => vi.spyOn(console, 'error').mockImplementation(() => undefined));
afterEach(() => vi.restoreAllMocks());

describe('SignatureView with hostile signatures', () => {
  it('shows the note for a param default nested 5,000 levels deep, and the other params', () => {
    const params = parseParams(
      `[{"name": "stop", "type": "string", "default": ${deep(5000)}, "shape": [-1]}, {"name": "temperature", "type": "double", "default": 0.7, "shape": null}, {"name": "seed", "type": "long"}]`,
    );
    render(<SignatureView signature={{ inputs: undefined, outputs: undefined, params }} />);
    const table = screen.getByRole('table', { name: 'Signature params' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([`stopstring${TOO_DEEP}(any)`, 'temperaturedouble0.7scalar', 'seedlong—scalar']);
    expect(console.error).not.toHaveBeenCalled();
  });

  it('lists the first 1,000 columns of a 100,000-column signature and says so', () => {
    const inputs = parseSchema(JSON.stringify(Array.from({ length: 100_000 }, (_, i) => ({ name: `c${i}`, type: 'double' }))));
    const outputs = parseSchema('[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 3]}}]');
    render(<SignatureView signature={{ inputs, outputs, params: undefined }} />);
    const rows = screen.getByRole('table', { name: 'Signature inputs' }).querySelectorAll('tbody tr');
    expect(rows).toHaveLength(1000);
    expect(rows[999]).toHaveTextContent('c999double');
    expect(screen.getByRole('note')).toHaveTextContent(
      'Inputs: showing the first 1,000 of 100,000 rows; download the MLmodel file for the rest.',
    );
    expect(screen.getByRole('table', { name: 'Signature outputs' }).querySelectorAll('tbody tr')).toHaveLength(1);
  }, 20_000);

  it('lists the first 1,000 of 5,000 params and says so', () => {
    const params = parseParams(
      JSON.stringify(Array.from({ length: 5000 }, (_, i) => ({ name: `p${i}`, type: 'long', default: i, shape: null }))),
    );
    render(<SignatureView signature={{ inputs: undefined, outputs: undefined, params }} />);
    expect(screen.getByRole('table', { name: 'Signature params' }).querySelectorAll('tbody tr')).toHaveLength(1000);
    expect(screen.getByRole('note')).toHaveTextContent(
      'Params: showing the first 1,000 of 5,000 rows; download the MLmodel file for the rest.',
    );
  }, 20_000);
});
