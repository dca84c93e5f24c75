/**
 * Bumped on any incompatible change to the socket messages. Its own module so a client can
 * send it in the handshake without bundling the zod schemas of `protocol.ts` (the public agenda).
 */
export const PROTOCOL_VERSION = 1;
