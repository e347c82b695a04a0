import type { Client } from 'pg';
import type { GraphqlSession } from './graphql-session';

/** The id of a demo lot by name. */
export async function lotIdByName(pg: Client, name: string): Promise<string> {
  const { rows } = await pg.query(`SELECT id FROM lot WHERE name = $1`, [name]);
  if (!rows[0]) throw new Error(`Geen perceel ${name}`);
  return rows[0].id;
}

/** The contract of a provider (by demo e-mail domain key, e.g. 'Sagenn') on a lot. */
export async function contractIdOf(pg: Client, lotName: string, providerName: string): Promise<string> {
  const { rows } = await pg.query(
    `SELECT c.id FROM contract c JOIN lot l ON l.id = c.lot_id JOIN organisation p ON p.id = c.provider_id WHERE l.name = $1 AND p.name = $2`,
    [lotName, providerName],
  );
  if (!rows[0]) throw new Error(`Geen contract van ${providerName} op ${lotName}`);
  return rows[0].id;
}

export const count = async (pg: Client, sql: string, params: unknown[] = []): Promise<number> => Number((await pg.query(sql, params)).rows[0].count);

export interface UploadResult {
  status: number;
  body: { id?: string; filename?: string; mimeType?: string; sizeBytes?: number; code?: string; message?: string; fields?: { field: string; message: string }[] };
}

/** Uploads a file as the portal does: multipart, with the session cookie and X-Requested-With. */
export async function uploadDocument(baseUrl: string, session: GraphqlSession | null, filename: string, content: Uint8Array, withHeader = true): Promise<UploadResult> {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from(content)]), filename);
  const cookie = session?.lastSetCookie?.split(';')[0];
  const response = await fetch(`${baseUrl}/documents`, {
    method: 'POST',
    headers: { ...(cookie ? { cookie } : {}), ...(withHeader ? { 'x-requested-with': 'fetch' } : {}) },
    body: form,
  });
  return { status: response.status, body: await response.json() };
}

export const PDF_BYTES = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
