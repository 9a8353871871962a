// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Session } from '$lib/server/db/schema';
import type { SessionUser } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
		}
		interface Error {
			message: string;
			/** Quoted to the user so a support request can find the log line. */
			errorId?: string;
		}
	}
}

export {};
