import { render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_ROWS_DONE_ATTRIBUTE, FIRST_ROWS_PREVIEW_ID } from '../../contract/runlens-http.ts';
import { useFirstRowsPreview } from './first-rows-preview.ts';

function Table({ pending }: { pending: boolean }) {
  const slot = useFirstRowsPreview(pending);
  return pending ? <div ref={slot} data-testid="slot" /> : <table data-testid="table" />;
}

/** The rows as index.html carries them: after the app's root, outside React's tree. */
function serverRows(): HTMLElement {
  const preview = document.createElement('div');
  preview.id = FIRST_ROWS_PREVIEW_ID;
  preview.textContent = 'run-1';
  document.body.append(preview);
  return preview;
}

afterEach(() => {
  document.getElementById(FIRST_ROWS_PREVIEW_ID)?.remove();
  document.documentElement.removeAttribute(FIRST_ROWS_DONE_ATTRIBUTE);
});

describe('the first rows the server drew, from the run table’s side', () => {
  it('moves them where the table will be while it loads, and drops them when it is drawn', () => {
    const preview = serverRows();
    const view = render(<Table pending />);
    expect(view.getByTestId('slot').firstChild).toBe(preview);
    view.rerender(<Table pending={false} />);
    expect(document.getElementById(FIRST_ROWS_PREVIEW_ID)).toBeNull();
    expect(document.documentElement.getAttribute(FIRST_ROWS_DONE_ATTRIBUTE)).toBe('done');
  });

  it('drops them at once when the table has its data at its first render', () => {
    serverRows();
    render(<Table pending={false} />);
    expect(document.getElementById(FIRST_ROWS_PREVIEW_ID)).toBeNull();
  });

  it('drops them when the table goes away before it was drawn', () => {
    serverRows();
    const view = render(<Table pending />);
    view.unmount();
    expect(document.getElementById(FIRST_ROWS_PREVIEW_ID)).toBeNull();
  });
});
