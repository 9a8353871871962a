import { openApiDocument } from '$lib/server/api/openapi';
import { problemTypeDescriptions, problemTypes } from '$lib/server/api/problem';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const doc = openApiDocument(url.origin);
	return {
		info: doc.info,
		server: doc.servers[0]!.url,
		operations: Object.entries(doc.paths).map(([path, item]) => ({
			path,
			summary: item.get.summary,
			parameters: item.get.parameters.map((p) => ({
				name: p.name,
				in: p.in,
				description: 'description' in p ? String(p.description) : ''
			}))
		})),
		problems: Object.entries(problemTypeDescriptions).map(([type, description]) => ({
			type,
			title: problemTypes[type as keyof typeof problemTypes],
			description
		}))
	};
};
