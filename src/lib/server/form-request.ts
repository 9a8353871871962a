/** Reads a form submission's body; a body that is not a form is the client's error (400), not ours. */
import { error } from '@sveltejs/kit';

export async function readFormData(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch {
		error(400, 'The form could not be read. Please submit it again from the page.');
	}
}
