/** Reads a form submission's body; a body that is not a form is the client's error (400), not ours. */
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';

export async function readFormData(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch {
		error(400, m.error_form_unreadable());
	}
}
