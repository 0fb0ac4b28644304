// What the uploaded bytes are: magic bytes first (file-type), then, for content without any, the explicit markup and
// plain-text rule of domain/applications/material-content.ts.
import { fileTypeFromBuffer } from 'file-type';
import { sniffWithoutMagic, type SniffedContent } from '../../domain/applications/material-content.js';

export async function sniffUpload(bytes: Uint8Array): Promise<SniffedContent> {
  const found = await fileTypeFromBuffer(bytes);
  if (found) return { mime: found.mime, ext: found.ext, plainText: false };
  return sniffWithoutMagic(bytes);
}
