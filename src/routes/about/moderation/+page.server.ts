import { db } from '$lib/server/db';
import { getModerationStats } from '$lib/server/moderation/moderation';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => getModerationStats(db);
