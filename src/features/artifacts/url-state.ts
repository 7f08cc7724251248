// The artifact tab's URL contract: the path is the rest of the URL path (paths.runArtifacts);
// `model` names a LoggedModel of the run whose files are browsed instead of the run's own.
import * as z from 'zod/mini';
import { textParam } from '@/lib/search-params.ts';

export const artifactSearchSchema = z.object({
  model: textParam(),
});
