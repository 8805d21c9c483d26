import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../server/src/audit/audit.model';
import { makeCoupleWithCounsellor, type ApiClient, type Couple } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';
import { tryUpgrade } from './collab-fixtures/rawSocket';

let server: TestServer;
let couple: Couple & { c: ApiClient };
beforeAll(async () => {
  server = await startTestServer();
  couple = await makeCoupleWithCounsellor(server.baseUrl);
});
afterAll(async () => {
  await server.stop();
});

async function upgradeStatus(who: ApiClient, docName: string): Promise<number> {
  const result = await tryUpgrade(`${server.wsBase}/${docName}`, { origin: server.baseUrl, cookie: who.cookie });
  if ('client' in result) {
    result.client.ws.close();
    return 101;
  }
  return result.status;
}

/**
 * A real write failure of the access log: a unique index on the actor, with one row for the
 * counsellor already there, makes every further entry of theirs a duplicate-key error.
 */
async function breakAuditLog(actorId: string): Promise<void> {
  const coll = mongoose.connection.db!.collection(AuditEntry.collection.collectionName);
  await coll.insertOne({ placeholder: true, actorId });
  await coll.createIndex({ actorId: 1 }, { unique: true, name: 'blocker' });
}

async function repairAuditLog(): Promise<void> {
  const coll = mongoose.connection.db!.collection(AuditEntry.collection.collectionName);
  await coll.dropIndex('blocker');
  await coll.deleteMany({ placeholder: true });
}

describe('audit fails closed', () => {
  it('refuses counsellor access that cannot be logged, and grants it again once it can', async () => {
    const { a, c, space } = couple;
    await breakAuditLog(c.user!.id);
    try {
      expect(await upgradeStatus(c, `space:${space.id}`)).toBe(503);
      expect(await upgradeStatus(c, `notes:${space.id}:${c.user!.id}`)).toBe(503);
      const exported = await c.get(`/api/spaces/${space.id}/export`);
      expect(exported.status).toBe(503);
      expect(exported.body.error.code).toBe('audit_unavailable');
      // Partners are never logged, so they are unaffected.
      expect(await upgradeStatus(a, `space:${space.id}`)).toBe(101);
      expect((await a.get(`/api/spaces/${space.id}/export`)).status).toBe(200);
    } finally {
      await repairAuditLog();
    }
    expect(await upgradeStatus(c, `space:${space.id}`)).toBe(101);
    expect((await c.get(`/api/spaces/${space.id}/export`)).status).toBe(200);
    const entries = (await a.get(`/api/spaces/${space.id}/audit`)).body.entries as Array<{ action: string; actorId: string }>;
    expect(entries.filter((e) => e.action === 'document.opened')).toHaveLength(1);
    expect(entries.filter((e) => e.action === 'export')).toHaveLength(1);
    expect(entries.every((e) => e.actorId === c.user!.id)).toBe(true);
  });
});
