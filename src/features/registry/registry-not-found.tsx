import type { ReactNode } from 'react';

/** A model, version or alias that does not exist: said plainly, as the experiment page does. */
export function RegistryNotFound({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="error-state" role="alert">
      <h1 className="error-state__title">{title}</h1>
      <p>{children}</p>
    </section>
  );
}
