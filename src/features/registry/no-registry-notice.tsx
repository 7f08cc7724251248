/** Shown instead of the registry's pages on a server without one: a fact about the server, not an error. */
export function NoRegistryNotice() {
  return (
    <section className="registry-notice" role="note" aria-labelledby="no-registry-heading">
      <h2 id="no-registry-heading">This tracking server has no model registry</h2>
      <p>
        It answers no registry requests (registered models, model versions, aliases). Models logged by runs are still shown with each
        run&apos;s artifacts.
      </p>
    </section>
  );
}
