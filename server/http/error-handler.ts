// Turns whatever a route throws into the one error shape, in Chinese, without internals.
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv';
import type { FastifyError, FastifyInstance } from 'fastify';
import type { Problem } from '../domain/result.js';
import { HttpError } from './errors.js';

const localizeZh = createRequire(import.meta.url)('ajv-i18n/localize/zh') as (errors: ErrorObject[] | null | undefined) => void;

function validationProblems(errors: ErrorObject[], context: string): Problem[] {
  const copy = errors.map((e) => ({ ...e }));
  localizeZh(copy.filter((e) => e.keyword !== 'errorMessage'));
  return copy.map((e) => {
    const missing = e.keyword === 'required' ? `/${String((e.params as { missingProperty?: string }).missingProperty ?? '')}` : '';
    return { code: `request.${e.keyword}`, message: e.message ?? '格式不正确', pointer: `${e.instancePath}${missing}`, source: context };
  });
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | HttpError, request, reply) => {
    if (err instanceof HttpError) {
      return reply.status(err.statusCode).send({ code: err.code, message: err.message, details: err.details });
    }
    if (err.validation) {
      const details = validationProblems(err.validation as ErrorObject[], err.validationContext ?? 'body');
      return reply.status(400).send({ code: 'request.invalid', message: '请求内容不符合要求', details });
    }
    const status = err.statusCode ?? 500;
    if (status === 413 || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.code === 'FST_REQ_FILE_TOO_LARGE') {
      return reply.status(413).send({ code: 'request.too_large', message: '提交的内容超过大小限制', details: [] });
    }
    if (status === 415 || err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send({ code: 'request.unsupported_media_type', message: '不支持的内容类型', details: [] });
    }
    if (status === 429) {
      return reply.status(429).send({ code: 'rate_limited', message: '请求过于频繁，请稍后再试', details: [] });
    }
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ code: `request.${err.code ?? 'bad_request'}`.toLowerCase(), message: '请求无效', details: [] });
    }
    // internal errors are logged in full and answered without stack or paths
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ code: 'internal', message: '服务器内部错误，请稍后重试', details: [] });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ code: 'not_found', message: `找不到 ${request.method} ${request.url.split('?')[0]}`, details: [] }),
  );
}
