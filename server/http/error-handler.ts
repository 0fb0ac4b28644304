// Turns whatever a route throws into the one error shape, in Chinese, without internals:
// {code, message, details[]} for every 4xx and 5xx, including Fastify's own errors (bad JSON,
// wrong content type, a bad or over-long URL parameter), the multipart parser's, unknown routes,
// and requests Node's HTTP parser refuses (malformed, headers too large).
import { STATUS_CODES } from 'node:http';
import { createRequire } from 'node:module';
import type { Duplex } from 'node:stream';
import type { ErrorObject } from 'ajv';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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

interface Mapped {
  status: number;
  code: string;
  message: string;
}

/** Fastify's and its plugins' error codes, as stable codes and Chinese words */
const BY_FASTIFY_CODE: Record<string, Mapped> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'request.invalid_json', message: '请求体不是合法的 JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'request.empty_body', message: '请求体为空：Content-Type 为 application/json 时须提供 JSON 内容' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'request.bad_content_length', message: '请求的 Content-Length 与内容长度不符' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'request.unsupported_media_type', message: '不支持的内容类型' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'request.too_large', message: '提交的内容超过大小限制' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'request.too_large', message: '提交的内容超过大小限制' },
  FST_ERR_BAD_URL: { status: 400, code: 'request.bad_url', message: '请求地址中含有无法解码的字符' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'request.param_too_long', message: '请求地址中的参数过长' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 415, code: 'request.unsupported_media_type', message: '请以 multipart/form-data 上传文件' },
  FST_PARTS_LIMIT: { status: 413, code: 'request.too_many_parts', message: '上传的字段或文件过多' },
  FST_FILES_LIMIT: { status: 413, code: 'request.too_many_parts', message: '一次只能上传一个文件' },
  FST_FIELDS_LIMIT: { status: 413, code: 'request.too_many_parts', message: '上传的字段过多' },
  FST_PROTO_VIOLATION: { status: 400, code: 'request.invalid_multipart', message: '上传内容的字段名不合法' },
  FST_INVALID_JSON_FIELD_ERROR: { status: 400, code: 'request.invalid_multipart', message: '上传内容中声明为 JSON 的字段不是合法的 JSON' },
  FST_MP_PREMATURE_CLOSE: { status: 400, code: 'request.invalid_multipart', message: '上传内容不完整：连接在上传结束前关闭' },
};

const INVALID_MULTIPART: Mapped = { status: 400, code: 'request.invalid_multipart', message: '上传内容不是合法的 multipart/form-data（缺少 boundary 或内容不完整）' };

/** the multipart parser (busboy) throws plain errors: these are the client's, not ours */
const BUSBOY_MESSAGES = /^Multipart: |Boundary (not found|required)|Unexpected end of multipart data|terminated early|Malformed part header|The needle /;

const BY_STATUS: Record<number, string> = {
  400: '请求无效',
  401: '请先登录',
  403: '您没有执行此操作的权限',
  404: '找不到请求的内容',
  405: '不支持此请求方法',
  406: '无法提供所要求的内容格式',
  408: '请求超时',
  409: '请求与当前状态冲突',
  411: '请求须声明内容长度',
  413: '提交的内容超过大小限制',
  414: '请求地址过长',
  415: '不支持的内容类型',
  416: '请求的范围无效',
  422: '提交的内容无法处理',
  431: '请求头过大',
};

const isMultipart = (request: FastifyRequest): boolean => (request.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/');

/** what a thrown error means for the client, or undefined for an internal error */
function mapError(err: FastifyError, request: FastifyRequest): Mapped | undefined {
  const known = err.code ? BY_FASTIFY_CODE[err.code] : undefined;
  if (known) return known;
  const status = err.statusCode ?? 500;
  if (status === 413) return BY_FASTIFY_CODE.FST_ERR_CTP_BODY_TOO_LARGE;
  if (status === 415) return BY_FASTIFY_CODE.FST_ERR_CTP_INVALID_MEDIA_TYPE;
  if (status === 429) return { status, code: 'rate_limited', message: '请求过于频繁，请稍后再试' };
  if (status >= 400 && status < 500) {
    const suffix = (err.code ?? 'bad_request').toLowerCase().replace(/^fst_(err_)?/, '');
    return { status, code: `request.${suffix}`, message: BY_STATUS[status] ?? '请求无效' };
  }
  if (err.statusCode === undefined && isMultipart(request) && BUSBOY_MESSAGES.test(err.message)) return INVALID_MULTIPART;
  // a body nested so deep that a recursive pass overflows: the input's fault, refused, never a 500
  if (err instanceof RangeError && /call stack/i.test(err.message)) {
    return { status: 400, code: 'request.too_deep', message: '提交的内容嵌套过深，无法处理' };
  }
  return undefined;
}

function sendError(err: FastifyError | HttpError, request: FastifyRequest, reply: FastifyReply) {
  if (err instanceof HttpError) {
    return reply.status(err.statusCode).send({ code: err.code, message: err.message, details: err.details });
  }
  if (err.validation) {
    const details = validationProblems(err.validation as ErrorObject[], err.validationContext ?? 'body');
    return reply.status(400).send({ code: 'request.invalid', message: '请求内容不符合要求', details });
  }
  const mapped = mapError(err, request);
  if (mapped) return reply.status(mapped.status).send({ code: mapped.code, message: mapped.message, details: [] });
  // internal errors are logged in full and answered without stack or paths
  request.log.error({ err }, 'unhandled error');
  return reply.status(500).send({ code: 'internal', message: '服务器内部错误，请稍后重试', details: [] });
}

/**
 * Errors Fastify raises before any route or hook runs (a bad or over-long URL parameter): passed as
 * the `frameworkErrors` option of the Fastify constructor, so they too get the one shape.
 */
export function frameworkErrors(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  void sendError(err, request, reply);
}

/** what Node's HTTP parser refuses before Fastify sees a request: in the one shape, not Fastify's own */
const CLIENT_ERRORS: Record<string, Mapped> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'request.timeout', message: '请求超时' },
  HPE_HEADER_OVERFLOW: { status: 431, code: 'request.headers_too_large', message: '请求头过大' },
};
const MALFORMED: Mapped = { status: 400, code: 'request.malformed', message: '请求不是合法的 HTTP 请求' };

/** passed as the `clientErrorHandler` option of the Fastify constructor */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const m = (err.code ? CLIENT_ERRORS[err.code] : undefined) ?? MALFORMED;
  const body = JSON.stringify({ code: m.code, message: m.message, details: [] });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${m.status} ${STATUS_CODES[m.status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | HttpError, request, reply) => sendError(err, request, reply));
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ code: 'not_found', message: `找不到 ${request.method} ${(request.url.split('?')[0] ?? '').slice(0, 200)}`, details: [] }),
  );
}
