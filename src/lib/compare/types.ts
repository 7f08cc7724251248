// What the compare and sweep models read of a run. src/api's Run satisfies it structurally, so
// these pure functions stay free of the API layer (lib/ sits below it).

export interface RunValues {
  readonly runId: string;
  readonly name: string;
  readonly params: Readonly<Record<string, string>>;
  /** Latest value of each metric; NaN and ±Infinity arrive as numbers (docs/mlflow-wire.md). */
  readonly metrics: Readonly<Record<string, number>>;
  readonly tags: Readonly<Record<string, string>>;
}

/** A plotted quantity, named as in MLflow's search syntax: `params.C`, `metrics.rmse`, `tags.team`. */
export type DimensionId = `params.${string}` | `metrics.${string}` | `tags.${string}`;

export type AxisValue = number | string | undefined;
