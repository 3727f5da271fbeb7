/** The few kinds of failure a module function may report; the HTTP layer maps each to one status. */
export type ErrorCode =
  | 'invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'refused'
  | 'too_many_requests'
  | 'payload_too_large'
  | 'unavailable'
  | 'internal';

/** A problem with one input field, reported in problem+json `errors`. */
export interface FieldError {
  /** JSON pointer or dotted path of the field, or a row/column reference for imports. */
  field: string;
  message: string;
}

/** A failure a caller can act on: it carries a code, a message safe to show, and optional field errors. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** HTTP status and titles (zh-CN, en) for each error code; one table so they never disagree. */
export const problemCatalog: Record<ErrorCode, { status: number; zh: string; en: string }> = {
  invalid: { status: 400, zh: '请求参数有误', en: 'Invalid request' },
  unauthorized: { status: 401, zh: '未登录或凭证无效', en: 'Not authenticated' },
  forbidden: { status: 403, zh: '无权执行此操作', en: 'Forbidden' },
  not_found: { status: 404, zh: '资源不存在', en: 'Not found' },
  conflict: { status: 409, zh: '与现有数据冲突', en: 'Conflict' },
  /** The request is well-formed but the facts do not allow it (e.g. a proof the records do not support). */
  refused: { status: 422, zh: '不符合办理条件', en: 'Refused' },
  payload_too_large: { status: 413, zh: '请求内容过大', en: 'Payload too large' },
  too_many_requests: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests' },
  unavailable: { status: 503, zh: '服务暂不可用', en: 'Service unavailable' },
  internal: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
};

/** Builds an `invalid` error from field errors; the message lists them for CLI users. */
export function invalid(errors: FieldError[]): AppError {
  return new AppError('invalid', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
}
