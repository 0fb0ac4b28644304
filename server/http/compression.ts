// Compression of what the server writes per request (API JSON, the docs page, index.html). The built app's JS and
// CSS are compressed once at build time (designer/vite-precompress.ts) and sent as they are; a response that already
// carries a content-encoding is left alone.
import type { FastifyCompressOptions } from '@fastify/compress';

export const compressionOptions: FastifyCompressOptions = {
  encodings: ['br', 'gzip'],
  // below about one packet, compressing costs more than it saves
  threshold: 1024,
  // text the browser reads; uploaded materials (PDF, images, spreadsheets) are compressed already
  customTypes: /^(?:text\/(?:html|css|javascript|plain)|application\/(?:javascript|json|[\w.+-]+\+json)|image\/svg\+xml)(?:;|$)/,
  // requests are read as they come: a compressed request body is not something the API accepts
  globalDecompression: false,
};
