import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

export interface GraphqlErrorBody {
  message: string;
  extensions?: { code?: string; fields?: { field: string; message: string }[] };
}

export interface GraphqlResult<T> {
  data: T | null;
  errors?: GraphqlErrorBody[];
  raw: string;
  /** The HTTP status (400 for a request the GraphQL layer refuses before the resolvers, e.g. a malformed enum value). */
  status: number;
}

/** A user's browser session against the API: keeps the session cookie, sends typed operations. */
export class GraphqlSession {
  private cookie: string | null = null;
  lastSetCookie: string | null = null;
  /** A shared service's consultant: the municipality the next requests act for (header X-Gemeente, as the portal sends it). */
  actingMunicipality: string | null = null;

  constructor(private readonly baseUrl: string) {}

  async request<T, V>(document: TypedDocumentNode<T, V> | string, variables?: V): Promise<GraphqlResult<T>> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.actingMunicipality ? { 'x-gemeente': this.actingMunicipality } : {}),
      },
      body: JSON.stringify({ query: typeof document === 'string' ? document : print(document), variables }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      this.lastSetCookie = setCookie;
      const [pair] = setCookie.split(';');
      this.cookie = pair.endsWith('=') ? null : pair;
    }
    const raw = await response.text();
    const body = JSON.parse(raw);
    return { data: body.data ?? null, errors: body.errors, raw, status: response.status };
  }

  /** Like request, but fails the test with the API's message when there are errors. */
  async ok<T, V>(document: TypedDocumentNode<T, V> | string, variables?: V): Promise<T> {
    const result = await this.request(document, variables);
    if (result.errors?.length || !result.data) throw new Error(`GraphQL-fout: ${JSON.stringify(result.errors)}`);
    return result.data;
  }
}

export const DEMO_PASSWORD = 'Inburgering2026!';

export async function loginAs(baseUrl: string, email: string): Promise<GraphqlSession> {
  const session = new GraphqlSession(baseUrl);
  const result = await session.request(
    `mutation Login($input: LoginInput!) { login(input: $input) { id } }`,
    { input: { email, password: DEMO_PASSWORD } },
  );
  if (result.errors) throw new Error(`Inloggen als ${email} mislukt: ${result.errors[0].message}`);
  return session;
}
