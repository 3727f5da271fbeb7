import type { Logger } from '../core/logger.js';
import { maskPhone } from '../core/crypto/masking.js';

/** A one-time code on its way to a mobile phone. */
export interface OtpMessage {
  phone: string;
  code: string;
  expiresAt: Date;
}

/** Delivers portal login codes. Stands in for the SMS channel until the reminders module provides one. */
export interface OtpSender {
  /** Where codes go, for logs: `log` or `webhook`. */
  readonly kind: string;
  send(message: OtpMessage): Promise<void>;
}

/** Development and tests: the code is written to the server log (never use in production). */
export function logOtpSender(log: Logger): OtpSender {
  return {
    kind: 'log',
    async send(m) {
      // The phone is masked; the code itself is the point of this line (development only).
      log.info({ otpTo: maskPhone(m.phone), otpCode: m.code, expiresAt: m.expiresAt.toISOString() }, 'portal one-time code (development: delivered to this log)');
    },
  };
}

/**
 * POSTs `{template, phone, code, expiresAt}` as JSON to a webhook (an SMS gateway adapter), with a
 * timeout; a non-2xx answer is an error.
 */
export function webhookOtpSender(url: string, options: { timeoutMs?: number; fetchImpl?: typeof fetch } = {}): OtpSender {
  const doFetch = options.fetchImpl ?? fetch;
  return {
    kind: 'webhook',
    async send(m) {
      const res = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ template: 'portal_login_code', phone: m.phone, code: m.code, expiresAt: m.expiresAt.toISOString() }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      });
      if (!res.ok) throw new Error(`OTP webhook answered ${res.status}`);
    },
  };
}

/**
 * The sender for a configuration: the webhook when one is configured; else the log outside
 * production; in production without a webhook, none (sending then answers 503).
 */
export function otpSenderFor(settings: { env: string; otpWebhook?: string | undefined }, log: Logger): OtpSender | null {
  if (settings.otpWebhook) return webhookOtpSender(settings.otpWebhook);
  return settings.env === 'production' ? null : logOtpSender(log);
}
