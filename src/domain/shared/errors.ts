/** Bilingual text: Chinese first, English second. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** What went wrong, in terms the HTTP layer maps to a status in one place. */
export type ErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited';

export interface FieldIssue {
  field: string;
  message: Bilingual;
}

/** A typed, expected failure of a business rule. Never thrown for programming errors. */
export class DomainError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly text: Bilingual;
  readonly fields: FieldIssue[];

  constructor(kind: ErrorKind, code: string, text: Bilingual, fields: FieldIssue[] = []) {
    super(`${code}: ${text.en}`);
    this.kind = kind;
    this.code = code;
    this.text = text;
    this.fields = fields;
  }
}

export const invalid = (code: string, text: Bilingual, fields: FieldIssue[] = []) => new DomainError('invalid', code, text, fields);
export const conflict = (code: string, text: Bilingual) => new DomainError('conflict', code, text);
export const forbidden = (code = 'forbidden', text: Bilingual = { zh: '无权执行此操作', en: 'You are not allowed to do this' }) =>
  new DomainError('forbidden', code, text);
export const notFound = (what: Bilingual) =>
  new DomainError('not_found', 'not_found', { zh: `${what.zh}不存在`, en: `${what.en} not found` });
