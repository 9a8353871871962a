import { openApiDocument } from '$lib/server/api/openapi';
import { apiJson } from '$lib/server/api/respond';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => apiJson(openApiDocument(url.origin));
