import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerAuditRoutes } from '../core/audit/audit.routes.js';
import { AuditEventView } from '../core/audit/audit.contract.js';
import type { Deps } from '../core/context.js';
import { ping } from '../core/db/database.js';
import type { App, HttpSettings } from '../core/http/app-types.js';
import { installAuthentication } from '../core/http/auth-hook.js';
import { Problem } from '../core/http/common.contract.js';
import { installInputGuard } from '../core/http/input-guard.js';
import { handleError, problemBody, sendProblem } from '../core/http/problem.js';
import { uuidv7 } from '../core/ids/uuid.js';
import { DepartmentView } from '../registry/department.contract.js';
import {
  authenticateApiKey,
  authenticateSession,
  registerCatalogRoutes,
  registerStaffRoutes,
  registerSubjectRoutes,
} from '../registry/index.js';
import { RegionView } from '../registry/region.contract.js';
import { ApiKeyView, StaffView } from '../registry/staff.contract.js';
import { SubjectView } from '../registry/subject.contract.js';
import { AccessEntryView, OTP_RULES, otpSenderFor, registerPortalRoutes, type OtpRules, type OtpSender } from '../portal/index.js';
import { packagePath } from '../core/paths.js';
import { registerExportRoutes } from './export.routes.js';
import {
  LicenseImportView,
  LicenseTypeView,
  LicenseView,
  SignedDocumentSchema,
  lookupLicense,
  publicLicenseView,
  registerLicenseCredentialRoutes,
  registerLicenseImportRoutes,
  registerLicenseRoutes,
  registerVerificationRoutes,
  type BackgroundSigner,
} from '../licenses/index.js';
import { ProofTypeView, ProofView, lookupProof, publicProofView, registerProofRoutes } from '../proofs/index.js';
import { registerWebApps } from './web-static.js';

export interface AppOptions extends HttpSettings {
  trustProxy: boolean;
  version: string;
  /** production | development | test; decides where portal login codes go when no webhook is set (default development). */
  env?: string;
  /** MIANZHENG_OTP_WEBHOOK. */
  otpWebhook?: string | undefined;
  /** Overrides the portal code sender (tests); default from env and otpWebhook. */
  otpSender?: OtpSender | null;
  /** Overrides the portal code rules (tests). */
  otpRules?: OtpRules;
  /** The built web apps; default dist/web when it exists; null serves no web apps. */
  webDir?: string | null;
  /** Where uploaded import files wait while they are imported (default: a folder in the system's temp dir). */
  uploadDir?: string;
  /** Largest import file accepted, in bytes (default 200 MiB). */
  maxUploadBytes?: number;
  /** The background signer, woken when an import ends (serve starts it; tests may pass one). */
  signer?: BackgroundSigner;
  /** MIANZHENG_PUBLIC_URL: where the QR codes on documents point and the ids of exported credentials (default http://localhost:3000). */
  publicUrl?: string;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Assembles the HTTP application: request ids, problem+json errors, authentication, OpenAPI, and
 * each module's routes. The composition root passes every dependency in.
 */
export async function buildApp(deps: Deps, options: AppOptions): Promise<App> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    trustProxy: options.trustProxy,
    bodyLimit: 1_048_576,
    // Accept a caller's request id so one id follows a request across systems; otherwise make one.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : uuidv7();
    },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true } },
    // A URL Fastify cannot route (bad percent-encoding, an over-long parameter) skips the hooks: answer it here.
    frameworkErrors: (err, req, reply) => {
      reply.header('x-request-id', req.id);
      handleError(err, req, reply);
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
  });
  app.setErrorHandler(handleError);
  installInputGuard(app);
  app.setNotFoundHandler((req, reply) => sendProblem(reply, problemBody(req, 'not_found', `no route for ${req.method} ${req.url.split('?')[0]}`)));

  await app.register(cookie);
  await app.register(rateLimit, { global: false, errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, message: `too many attempts; try again in ${Math.ceil(ctx.ttl / 1000)} s` }) });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'mianzheng 免证 API',
        version: options.version,
        description: 'Certificate-free and proactive government services. Errors are RFC 9457 problem+json; lists page with cursors.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'mz_session', description: 'console session; unsafe methods also need X-CSRF-Token' },
          apiKey: { type: 'http', scheme: 'bearer', description: 'department system key: Authorization: Bearer mz_…' },
          portal: { type: 'apiKey', in: 'cookie', name: 'mz_portal', description: 'portal session of a citizen or enterprise; unsafe methods also need X-CSRF-Token' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  for (const schema of [Problem, RegionView, DepartmentView, StaffView, ApiKeyView, SubjectView, AuditEventView, AccessEntryView, LicenseTypeView, LicenseView, SignedDocumentSchema, ProofTypeView, ProofView, LicenseImportView]) {
    app.addSchema(schema);
  }
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });

  installAuthentication(app, {
    session: (token) => authenticateSession(deps.db, deps.clock, token),
    apiKey: (key) => authenticateApiKey(deps.db, deps.clock, key),
  });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { schema: { tags: ['health'], summary: '进程存活 / the process is up' } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { tags: ['health'], summary: '可以服务 / the database answers' } }, async (req, reply) => {
    try {
      await ping(deps.db);
      return { status: 'ready' };
    } catch (err) {
      req.log.warn({ err }, 'readiness check failed');
      return sendProblem(reply, problemBody(req, 'unavailable', 'database unavailable'));
    }
  });

  registerCatalogRoutes(app, deps);
  registerStaffRoutes(app, deps, options);
  registerSubjectRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerExportRoutes(app, deps);
  const publicUrl = (options.publicUrl ?? 'http://localhost:3000').replace(/\/+$/, '');
  registerLicenseRoutes(app, deps);
  registerProofRoutes(app, deps, { publicUrl });
  registerLicenseCredentialRoutes(app, deps, { publicUrl });
  await registerLicenseImportRoutes(app, deps, {
    uploadDir: options.uploadDir ?? join(tmpdir(), 'mianzheng-uploads'),
    signer: options.signer,
    ...(options.maxUploadBytes ? { maxUploadBytes: options.maxUploadBytes } : {}),
  });
  registerVerificationRoutes(app, deps, {
    registries: { license: lookupLicense, proof: lookupProof },
    publicViews: [(code) => publicLicenseView(deps.db, deps.clock, code), (code) => publicProofView(deps.db, deps.clock, code)],
  });
  const otpSender = options.otpSender !== undefined ? options.otpSender : otpSenderFor({ env: options.env ?? 'development', otpWebhook: options.otpWebhook }, deps.log);
  registerPortalRoutes(app, { ...deps, sender: otpSender, rules: options.otpRules ?? OTP_RULES }, { cookieSecure: options.cookieSecure, publicUrl });
  await registerWebApps(app, options.webDir !== undefined ? options.webDir : packagePath('dist', 'web'));
  return app;
}
