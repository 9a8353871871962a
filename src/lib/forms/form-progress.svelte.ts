/** Progressive enhancement for a form: knows while it is submitting, and can react to a failure. */
import type { SubmitFunction } from '@sveltejs/kit';

export class FormProgress {
	submitting = $state(false);

	constructor(
		private readonly options: { reset?: boolean; onFailure?: () => void | Promise<void> } = {}
	) {}

	/** Pass to `use:enhance`. */
	enhance: SubmitFunction = () => {
		this.submitting = true;
		return async ({ update, result }) => {
			try {
				await update({ reset: this.options.reset ?? true });
			} finally {
				this.submitting = false;
			}
			if (result.type === 'failure') await this.options.onFailure?.();
		};
	};
}
