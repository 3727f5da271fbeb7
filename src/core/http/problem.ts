import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, problemCatalog, type ErrorCode, type FieldError } from '../errors.js';
import type { ProblemBody } from './common.contract.js';

/** True when the client prefers English; Chinese is the default. */
export function prefersEnglish(acceptLanguage: string | undefined): boolean {
  if (!acceptLanguage) return false;
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en');
}

/** Builds the problem+json body for an error code. */
export function problemBody(req: FastifyRequest, code: ErrorCode, detail: string | undefined, errors: FieldError[] = []): ProblemBody {
  const entry = problemCatalog[code];
  return {
    type: `urn:mianzheng:problem:${code}`,
    title: prefersEnglish(req.headers['accept-language']) ? entry.en : entry.zh,
    status: entry.status,
    ...(detail ? { detail } : {}),
    instance: req.url.split('?')[0] ?? req.url,
    requestId: req.id,
    ...(errors.length ? { errors } : {}),
  };
}

/** Sends a problem response. */
export function sendProblem(reply: FastifyReply, body: ProblemBody): FastifyReply {
  return reply.code(body.status).type('application/problem+json; charset=utf-8').send(body);
}

interface AjvIssue {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

/** Turns a Fastify schema-validation failure into per-field errors. */
function validationErrors(err: FastifyError): FieldError[] {
  const where = err.validationContext ?? 'body';
  return ((err.validation ?? []) as AjvIssue[]).map((v) => {
    const path = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    const missing = v.keyword === 'required' ? String(v.params?.missingProperty ?? '') : '';
    const extra = v.keyword === 'additionalProperties' ? String(v.params?.additionalProperty ?? '') : '';
    const field = [path, missing || extra].filter(Boolean).join('.') || where;
    const message = extra ? 'is not a known field' : (v.message ?? 'is invalid');
    return { field: where === 'body' ? field : `${where}.${field}`, message };
  });
}

/**
 * The one error handler: AppErrors keep their code and message, validation failures list their
 * fields, known client errors keep their status, and anything else is a 500 that hides its cause.
 */
export function handleError(err: FastifyError | AppError | Error, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (err instanceof AppError) {
    if (err.code === 'internal') req.log.error({ err }, 'internal error');
    return sendProblem(reply, problemBody(req, err.code, err.message, err.errors));
  }
  const fe = err as FastifyError;
  if (fe.validation) {
    const errors = validationErrors(fe);
    return sendProblem(reply, problemBody(req, 'invalid', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors));
  }
  const status = fe.statusCode ?? 500;
  if (status === 429) return sendProblem(reply, problemBody(req, 'too_many_requests', fe.message));
  if (status === 413) return sendProblem(reply, problemBody(req, 'payload_too_large', fe.message));
  if (status === 415 || status === 400) return sendProblem(reply, { ...problemBody(req, 'invalid', fe.message), status });
  if (status === 404) return sendProblem(reply, problemBody(req, 'not_found', fe.message));
  if (status >= 400 && status < 500) return sendProblem(reply, { ...problemBody(req, 'invalid', fe.message), status });
  req.log.error({ err }, 'unhandled error');
  return sendProblem(reply, problemBody(req, 'internal', `请求编号 / request id ${req.id}`));
}
