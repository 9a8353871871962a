/** Serves the production build: one worker per core, or `WORKERS` (src/lib/server/cluster/workers.ts). */
import { serve } from '../src/lib/server/cluster/workers';

await serve();
