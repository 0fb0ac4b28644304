// Drives an applicant through the public API: draft, form, materials, pledge, submit.
import type { InjectOptions, LightMyRequestResponse } from 'fastify';

type Call = (opts: InjectOptions) => Promise<LightMyRequestResponse>;

export function multipartFile(field: string, filename: string, mime: string, bytes: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----zc${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${mime}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const PDF = Buffer.from('%PDF-1.4\n% sample material\n');

export async function upload(call: Call, appId: string, itemId: string, mime = 'application/pdf', bytes = PDF): Promise<LightMyRequestResponse> {
  const { payload, headers } = multipartFile('file', `${itemId}.pdf`, mime, bytes);
  return call({ method: 'POST', url: `/api/applications/${appId}/materials/${itemId}`, payload, headers });
}

/** creates a draft, saves the form, uploads every listed item, signs the pledge; returns the draft id */
export async function prepareApplication(call: Call, o: { campaignId: string; levelKey: string; form: Record<string, unknown>; materials: string[] }): Promise<string> {
  const created = await call({ method: 'POST', url: '/api/applications', payload: { campaignId: o.campaignId, levelKey: o.levelKey } });
  if (created.statusCode !== 201) throw new Error(`create failed: ${created.body}`);
  const app = created.json() as { id: string; version: number };
  const saved = await call({ method: 'PUT', url: `/api/applications/${app.id}/form`, payload: { form: o.form, version: app.version } });
  if (saved.statusCode !== 200) throw new Error(`save failed: ${saved.body}`);
  for (const item of o.materials) {
    const r = await upload(call, app.id, item);
    if (r.statusCode !== 200) throw new Error(`upload ${item} failed: ${r.body}`);
  }
  const pledged = await call({ method: 'POST', url: `/api/applications/${app.id}/pledge` });
  if (pledged.statusCode !== 200) throw new Error(`pledge failed: ${pledged.body}`);
  return app.id;
}
