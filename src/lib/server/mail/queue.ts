/**
 * Mail sent after the answer: a request only queues its message, so that the answer takes as long
 * whether or not a message was sent, and a slow mail server never holds a visitor up.
 */
import type { MailMessage, MailTransport } from './mail';

export interface MailQueue extends MailTransport {
	/** Messages queued and not yet handed to the transport. */
	pending(): number;
	/** Resolves once every message queued so far has been handed over (or has failed). */
	drained(): Promise<void>;
}

/**
 * Queues messages in memory and hands them to `transport` one at a time, from the next turn of
 * the event loop: after the request that queued them has answered. A message still queued when
 * the process stops is lost; the person asks again (docs/decisions/018-answers-that-tell-nothing.md).
 */
export function queuedTransport(transport: MailTransport): MailQueue {
	const queue: MailMessage[] = [];
	let running: Promise<void> | null = null;

	async function drain(): Promise<void> {
		for (let message = queue.shift(); message; message = queue.shift()) {
			try {
				await transport.send(message);
			} catch (error) {
				// No address in the log: the subject says which flow failed.
				console.error(`[mail] could not send "${message.subject}"`, error);
			}
		}
		running = null;
	}

	return {
		async send(message) {
			queue.push(message);
			running ??= new Promise<void>((resolve) => setImmediate(resolve)).then(drain);
		},
		pending: () => queue.length,
		drained: () => running ?? Promise.resolve()
	};
}
