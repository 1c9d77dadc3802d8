import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { type Bilingual, DomainError, type ErrorKind, type FieldIssue } from '../domain/shared/errors.js';

const statusOf: Record<ErrorKind, number> = {
  invalid: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};

interface Issue {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

/** A Chinese line for each kind of schema issue; the English one is the schema's own message. */
function zhFor(issue: Issue): string {
  const own = issue.message ?? '';
  if (own.includes(' / ')) return own.split(' / ')[0]!;
  const p = issue.params;
  switch (issue.keyword) {
    case 'invalid_type':
      return p.input === undefined ? '此项必填' : '类型不正确';
    case 'too_small':
      return p.origin === 'string' ? (Number(p.minimum) <= 1 ? '此项必填' : `至少${p.minimum}个字符`) : `不能小于${p.minimum}`;
    case 'too_big':
      return p.origin === 'string' ? `最多${p.maximum}个字符` : `不能大于${p.maximum}`;
    case 'invalid_format':
      return p.format === 'uuid' ? '编号格式不正确' : p.format === 'datetime' ? '时间格式不正确' : '格式不正确';
    case 'invalid_value':
      return '不是允许的取值';
    case 'unrecognized_keys':
      return '包含无法识别的字段';
    default:
      return '内容不正确';
  }
}

function enFor(issue: Issue): string {
  const p = issue.params;
  if (issue.keyword === 'invalid_type' && p.input === undefined) return 'This field is required';
  if (issue.keyword === 'too_small' && p.origin === 'string' && Number(p.minimum) <= 1) return 'This field is required';
  const own = issue.message ?? 'Invalid value';
  return own.includes(' / ') ? own.split(' / ').slice(1).join(' / ') : own;
}

export function errorBody(code: string, message: Bilingual, fields: FieldIssue[] = []) {
  return { error: { code, message, fields } };
}

/** Maps every failure to a status, a code and a bilingual message, in one place. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof DomainError) {
    return reply.status(statusOf[error.kind]).send(errorBody(error.code, error.text, error.fields));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext ?? 'body';
    const fields = (error.validation as unknown as Issue[]).map((issue) => ({
      field: issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || where,
      message: { zh: zhFor(issue), en: enFor(issue) },
    }));
    return reply
      .status(400)
      .send(errorBody('validation_failed', { zh: '填写的内容有误，请检查', en: 'Some fields are not valid' }, fields));
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
    return reply.status(500).send(errorBody('internal', { zh: '服务器内部错误', en: 'Internal server error' }));
  }
  const status = error.statusCode ?? 500;
  if (status === 429) {
    return reply.status(429).send(errorBody('rate_limited', { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' }));
  }
  if (status === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE') {
    return reply
      .status(413)
      .send(
        errorBody('too_large', { zh: '文件过大', en: 'The file is too large' }, [
          { field: 'file', message: { zh: '文件过大', en: 'The file is too large' } },
        ]),
      );
  }
  if (status >= 400 && status < 500) {
    return reply.status(status).send(errorBody(error.code ?? 'bad_request', { zh: '请求无效', en: error.message }));
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send(errorBody('internal', { zh: '服务器内部错误', en: 'Internal server error' }));
}
