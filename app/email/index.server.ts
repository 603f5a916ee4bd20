// The email domain's server-side public entry: what routes, the server and other domains may use.
// Everything else in app/email/ is internal (eslint: architecture/domain-boundaries).
export { drainEmailOutbox, listOutgoingEmail, queueEmail } from './outbox.server';
export { createSmtpTransport } from './smtp.server';
