import { i18n, type Language } from './i18n';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface FieldError {
  field: string;
  message: Bilingual;
}

/** A failed API call, carrying the server's bilingual message and its field-level issues. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly text: Bilingual;
  readonly fields: FieldError[];

  constructor(status: number, code: string, text: Bilingual, fields: FieldError[] = []) {
    super(text.en);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.text = text;
    this.fields = fields;
  }

  /** Builds the error from whatever the server (or a proxy in front of it) sent back. */
  static from(status: number, body: unknown): ApiError {
    const e = (body as { error?: { code?: unknown; message?: unknown; fields?: unknown } } | null)?.error;
    if (e && typeof e === 'object') {
      const msg = e.message as Partial<Bilingual> | string | undefined;
      const text: Bilingual =
        typeof msg === 'string' ? { zh: msg, en: msg } : { zh: msg?.zh ?? msg?.en ?? '', en: msg?.en ?? msg?.zh ?? '' };
      const fields = Array.isArray(e.fields) ? (e.fields as FieldError[]).filter((f) => f && typeof f.field === 'string') : [];
      return new ApiError(status, typeof e.code === 'string' ? e.code : `http_${status}`, fallbackText(status, text), fields);
    }
    return new ApiError(status, `http_${status}`, fallbackText(status, { zh: '', en: '' }));
  }
}

const fallbackKey = (status: number) =>
  status === 0
    ? 'httpError.network'
    : status === 401
      ? 'httpError.unauthenticated'
      : status === 403
        ? 'httpError.forbidden'
        : status === 404
          ? 'httpError.notFound'
          : status === 429
            ? 'httpError.rateLimited'
            : 'httpError.server';

/** When the server (or a proxy) sent no message, a generic one in both languages. */
function fallbackText(status: number, text: Bilingual): Bilingual {
  if (text.zh || text.en) return text;
  const key = fallbackKey(status);
  return { zh: i18n.getFixedT('zh-CN')(key, { status }), en: i18n.getFixedT('en')(key, { status }) };
}

export const localize = (text: Bilingual, lang: Language): string => (lang === 'en' ? text.en || text.zh : text.zh || text.en);

/** A field path from the server ("body.reporterPhone", "repair.grabMinutes") as form name segments. */
export const fieldPath = (field: string): string[] =>
  field
    .replace(/^(body|query|params)\./, '')
    .split('.')
    .filter(Boolean);

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;
