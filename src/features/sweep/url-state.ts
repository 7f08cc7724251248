// The sweep tab's URL contract: the metric the children are judged by, its direction when the
// name guesses wrong, the brushes of its parallel coordinates, and how many "Compare these" takes.
import * as z from 'zod/mini';
import { booleanParam, textParam } from '@/lib/search-params.ts';

export const sweepSearchSchema = z.object({
  /** A metric key; unset: GridSearchCV's mean_test_score, else the first score-like key. */
  metric: textParam(),
  /** Unset: guessed from the metric's name (lib/compare/best-direction.ts). */
  direction: z.catch(z.optional(z.enum(['min', 'max'])), undefined),
  brush: textParam(),
  /** How many of the best children "Compare these" opens. */
  top: z.catch(
    z._default(
      z.pipe(
        z.string(),
        z.transform((v) => Math.min(Math.max(Math.trunc(Number(v)) || 5, 2), 100)),
      ),
      5,
    ),
    5,
  ),
  /** Every child in the table, not only the best 100. */
  all: z._default(booleanParam(false), false),
});
export type SweepSearch = z.infer<typeof sweepSearchSchema>;
