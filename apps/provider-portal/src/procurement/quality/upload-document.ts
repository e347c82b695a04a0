import { i18next } from '../../i18n/i18n';
import { GraphqlRequestError, type FieldError } from '../../graphql/graphql-error';

export interface StoredDocument {
  id: string;
  filename: string;
  mimeType: string;
  sizeBytes: number;
}

interface UploadErrorBody {
  code?: string;
  message?: string;
  fields?: FieldError[];
}

/**
 * Uploads one evidence file (multipart field "file") to POST /documents with the session cookie. The
 * X-Requested-With header proves the request comes from the portal (a cross-site form cannot set it).
 * The server checks size (10 MB) and type (PDF, PNG, JPEG by content); its Dutch message comes back as a field error.
 */
export async function uploadDocument(file: File): Promise<StoredDocument> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch('/documents', { method: 'POST', credentials: 'same-origin', headers: { 'X-Requested-With': 'fetch' }, body: form });
  } catch {
    throw new GraphqlRequestError(i18next.t('errors.network'), 'NETWORK');
  }
  const body = (await response.json().catch(() => null)) as (StoredDocument & UploadErrorBody) | null;
  if (response.ok && body?.id) return { id: body.id, filename: body.filename, mimeType: body.mimeType, sizeBytes: body.sizeBytes };
  const code = response.status === 401 ? 'UNAUTHENTICATED' : (body?.code ?? `HTTP_${response.status}`);
  const message = body?.message ?? i18next.t('errors.unexpected');
  const fields = body?.fields?.length ? body.fields.map((f) => ({ field: 'file', message: f.message })) : [{ field: 'file', message }];
  throw new GraphqlRequestError(message, code, fields);
}

/** '12345' bytes -> '12 kB', '2.5 MB' -> '2,5 MB'. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

export const documentUrl = (documentId: string) => `/documents/${encodeURIComponent(documentId)}`;
