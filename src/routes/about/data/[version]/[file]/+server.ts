import { error } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import { datasetDownload } from '$lib/server/dataset/download';
import type { RequestHandler } from './$types';

/** One file of a published dataset version (see /about/data). */
export const GET: RequestHandler = ({ params, request }) =>
	datasetDownload(config.datasetPath, params.version, params.file, request) ?? error(404);

export const HEAD: RequestHandler = GET;
