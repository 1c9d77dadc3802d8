import createClient from 'openapi-fetch';
import { ApiError } from './api-error';
import type { paths } from './api-types';

/** The typed client of the propdesk API. Same origin, with the pd_session cookie. */
export const api = createClient<paths>({ baseUrl: '', credentials: 'include' });

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Awaits an openapi-fetch call and returns its data, or throws an ApiError with the server's message. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<NonNullable<T>> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch {
    throw ApiError.from(0, null);
  }
  const { data, error, response } = result;
  if (!response.ok || error !== undefined) throw ApiError.from(response.status, error);
  return data as NonNullable<T>;
}

/** Uploads one photo to an order (multipart field "file"). */
export async function uploadOrderPhoto(orderId: string, file: File | Blob): Promise<{ id: string; url: string; mime: string }> {
  const form = new FormData();
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch(`/api/repair-orders/${encodeURIComponent(orderId)}/photos`, {
      method: 'POST',
      body: form,
      credentials: 'include',
    });
  } catch {
    throw ApiError.from(0, null);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw ApiError.from(response.status, body);
  return body as { id: string; url: string; mime: string };
}

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;

/** The JSON body of a route's success response, as the OpenAPI document describes it. */
export type ApiResponse<P extends keyof paths, M extends 'get' | 'post' | 'put'> =
  paths[P] extends Record<M, { responses: infer R }>
    ? R extends { 200: infer OK }
      ? JsonOf<OK>
      : R extends { 201: infer Created }
        ? JsonOf<Created>
        : never
    : never;
