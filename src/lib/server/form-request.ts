/** Reads a form submission's body; a body that is not a form is the client's error (400), not ours. */
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';

export async function readFormData(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch (cause) {
		// adapter-node stops reading past BODY_SIZE_LIMIT (512 KB by default) with a 413 error.
		const status = (cause as { status?: number } | null)?.status;
		if (status === 413 || /exceeds limit/i.test(String(cause)))
			error(413, m.error_body_too_large());
		error(400, m.error_form_unreadable());
	}
}
