import { systemActor } from '../core/access/access.js';
import type { Deps } from '../core/context.js';
import { contextFor } from '../core/context.js';
import { idNumberCheckChar } from '../core/ids/id-number.js';
import { createSubject, seedReferenceData } from '../registry/index.js';
import type { OtpMessage, OtpSender } from '../portal/index.js';

/** A valid resident ID number (GB 11643) for a Ziyang district person with the given sequence. */
export function testIdNumber(sequence: number): string {
  const first17 = `43090219900101${String(sequence).padStart(3, '0')}`;
  return `${first17}${idNumberCheckChar(first17)}`;
}

/** A sender that keeps what it was asked to deliver, for tests. */
export function recordingSender(): OtpSender & { sent: OtpMessage[]; lastCodeFor(phone: string): string | undefined } {
  const sent: OtpMessage[] = [];
  return {
    kind: 'test',
    sent,
    async send(m) {
      sent.push(m);
    },
    lastCodeFor: (phone) => sent.filter((m) => m.phone === phone).at(-1)?.code,
  };
}

/** Reference data and one person registered with `phone` in 大码头街道; returns the subject id. */
export async function seedPortalSubject(deps: Deps, phone: string, sequence = 11): Promise<string> {
  await seedReferenceData(deps);
  const subject = await createSubject(contextFor(deps, systemActor), { kind: 'person', name: '张小益', idNumber: testIdNumber(sequence), phone, regionCode: '430902005000' });
  return subject.id;
}
