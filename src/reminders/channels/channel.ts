/**
 * One interface for every delivery channel of the reminder service (1+X: SMS first, then the
 * rest). Each channel is one file behind it, speaking its real protocol; the dispatcher only ever
 * sees this interface. Channels hold no durable state: queues, retries, fallbacks and statuses
 * belong to the dispatcher, in PostgreSQL.
 */

/** The channels, named as in the glossary. */
export const CHANNEL_KINDS = ['sms', 'wechat', 'push', 'announcement', 'phone', 'letter', 'media', 'email'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** Where a message goes; which fields a channel needs depends on the channel. */
export interface Recipient {
  /** The subject the message is for (inbox, announcements, worklists). */
  subjectId: string;
  /** Mainland mobile number in clear, decrypted by the dispatcher just before sending (sms, phone). */
  phone?: string;
  /** WeChat openid (wechat). */
  openId?: string;
  /** Web Push subscription as the browser gave it (push). */
  pushSubscription?: { endpoint: string; keys: { p256dh: string; auth: string } };
  email?: string;
  /** Postal address lines and postcode (letter). */
  postal?: { name: string; lines: string[]; postcode: string };
}

/** A message ready to send: rendered for its channel. */
export interface OutboundMessage {
  /** The message id; also the idempotency key where a provider accepts one (Aliyun OutId, Tencent SessionContext). */
  id: string;
  channel: ChannelKind;
  recipient: Recipient;
  /** Title (push, email, announcement, letter). */
  title?: string;
  /** The rendered text (SMS text, push body, letter body, phone script). */
  body: string;
  /** Provider template id and its parameters (pre-approved SMS templates, WeChat template messages). */
  template?: { code: string; params: Record<string, string> };
  /** Deep link, e.g. into the pre-filled certificate-free renewal. */
  link?: string;
  /** Test keys never reach a real recipient (GOV.UK Notify's test mode). */
  test?: boolean;
}

/** What a channel says about one message right after trying to send it. */
export type SendResult =
  /** Accepted by a provider; a receipt will tell whether it was delivered. */
  | { status: 'sent'; provider: string; providerMessageId: string; segments?: number }
  /** Delivered on the spot (portal inbox, announcement, a worklist entry, a letter in a print batch). */
  | { status: 'delivered'; provider: string; providerMessageId?: string }
  /** Worth retrying later (throttled, busy, connection lost). */
  | { status: 'temporary-failure'; provider: string; reason: string; retryAfterMs?: number }
  /** Will never succeed on this channel (empty number, unsubscribed, rejected): take the fallback. */
  | { status: 'permanent-failure'; provider: string; reason: string }
  /** Our side failed (bad configuration, a bug): retried, and reported. */
  | { status: 'technical-failure'; provider: string; reason: string };

/** A delivery receipt arriving later (SMPP deliver_sm, CMPP DELIVER report, HTTP provider callback). */
export interface Receipt {
  provider: string;
  providerMessageId: string;
  status: 'delivered' | 'permanent-failure' | 'temporary-failure';
  /** When the handset or provider says it happened. */
  at: Date;
  /** Provider error code or stat (e.g. UNDELIV, err:001), if any. */
  error?: string;
  /** The receipt as received, for the record. */
  raw: string;
}

/** A delivery channel. */
export interface Channel {
  kind: ChannelKind;
  /** Instance name, e.g. `smpp:cmcc`, `aliyun`, `wechat-mp`. */
  name: string;
  /** Sends a batch; one result per message, in order. Never throws for a single message's failure. */
  send(messages: readonly OutboundMessage[]): Promise<SendResult[]>;
  /** Channels with asynchronous receipts call this handler for each (at least once; the dispatcher deduplicates). */
  onReceipt?(handler: (receipt: Receipt) => Promise<void>): void;
  /** Releases connections (unbind, close sockets). */
  close(): Promise<void>;
}
