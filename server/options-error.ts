/** A command-line or environment setting Runlens cannot use: the CLI prints its message and exits 2. */
export class OptionsError extends Error {}
