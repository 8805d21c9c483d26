import { describe, expect, it } from 'vitest';
import { importCopyKey, openCopy, sealCopy } from './copyCrypto';

const KEY_A = 'q7c0m5Yp3yM2cS1m9bq2N8k8dX2mQ1c5y7T0w4uXk3E';
const KEY_B = 'Zb3v8Qm1x0Pp4s6Yc2Nn7Rr5Tt9Uu1Ww3Ee5Gg7Ii9K';

describe('the device copy encryption', () => {
  it('opens with the session key and nothing else, and shows no plain text', async () => {
    const [a, b] = await Promise.all([importCopyKey(KEY_A), importCopyKey(KEY_B)]);
    const plain = new TextEncoder().encode('We need to talk about the holidays');
    const sealed = await sealCopy(a, plain, 'couple:abc');
    expect(Buffer.from(sealed.data).toString('latin1')).not.toContain('holidays');
    expect(new TextDecoder().decode((await openCopy(a, sealed, 'couple:abc'))!)).toBe('We need to talk about the holidays');
    expect(await openCopy(b, sealed, 'couple:abc')).toBeNull();
    expect(await openCopy(a, sealed, 'space:abc')).toBeNull();
    const again = await sealCopy(a, plain, 'couple:abc');
    expect(Buffer.from(again.iv).equals(Buffer.from(sealed.iv))).toBe(false);
  });

  it('refuses a key of the wrong size', async () => {
    await expect(importCopyKey('c2hvcnQ')).rejects.toThrow(/32 bytes/);
  });
});
