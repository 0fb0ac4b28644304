// A review session's files (实施方案, 备案材料): the one file of an upload, and a stored file sent back as a download.
// The routes (policy, JSON Schema) stay in their plugins.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Upload } from '../runtime/applications/edit-draft.js';
import type { Store } from '../store/port.js';
import { HttpError } from './errors.js';
import { attachmentDisposition } from './xlsx-reply.js';

/** the multipart field `file`; 415 when the request is not multipart, 400 when no file came */
export async function uploadedFile(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) throw new HttpError(415, 'request.unsupported_media_type', '请以 multipart/form-data 上传文件');
  const file = await request.file();
  if (!file) throw new HttpError(400, 'materials.no_file', '没有收到文件（字段名应为 file）');
  return { bytes: await file.toBuffer(), mime: file.mimetype, name: file.filename };
}

/** the stored file as an attachment, never cached; 404 with `missing` when there is none */
export async function sendStoredFile(store: Store, reply: FastifyReply, hash: string | undefined, missing: { code: string; message: string }): Promise<FastifyReply> {
  const file = hash ? await store.getFile(hash) : null;
  if (!file) throw new HttpError(404, missing.code, missing.message);
  return reply.type(file.meta.mime).header('content-disposition', attachmentDisposition(file.meta.name)).header('cache-control', 'no-store').send(file.bytes);
}
