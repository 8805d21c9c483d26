import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../server/src/audit/audit.model';
import { ExercisePlayer } from '../helpers/exercisePlayer';
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

  it("ends an observing counsellor's exercise connection when observation cannot be logged, and refuses their events", async () => {
    // A counsellor of their own, with no entries yet (see breakAuditLog).
    const { a, b, c, space } = await makeCoupleWithCounsellor(server.baseUrl);
    const [pa, pb, pc] = await Promise.all([
      new ExercisePlayer(server.baseUrl, a.cookie, 'Alex').connected(),
      new ExercisePlayer(server.baseUrl, b.cookie, 'Sam').connected(),
      new ExercisePlayer(server.baseUrl, c.cookie, 'Dr Rivera').connected(),
    ]);
    try {
      for (const p of [pa, pb, pc]) expect((await p.emit('exercise:join', { spaceId: space.id })).ok).toBe(true);
      // The index below needs unique actors: start from an empty log (this file's own database).
      await AuditEntry.deleteMany({});
      await breakAuditLog(c.user!.id);
      try {
        const revoked = new Promise<void>((resolve) => pc.socket.once('disconnect', () => resolve()));
        const started = await pa.emit('exercise:start', { spaceId: space.id, kind: 'checkin' });
        expect(started.ok).toBe(true);
        // The observation entry fails: the counsellor's socket is cut off…
        await revoked;
        // …without ever having been sent the exercise (access that cannot be logged is refused)…
        const sessionId = (started as { state: { sessionId: string } }).state.sessionId;
        expect(pc.states.some((s) => s.sessionId === sessionId)).toBe(false);
        // …and a new connection gets no role while the log cannot be written.
        const again = await new ExercisePlayer(server.baseUrl, c.cookie, 'Dr Rivera').connected();
        try {
          const join = await again.emit('exercise:join', { spaceId: space.id });
          expect(join.ok).toBe(false);
        } finally {
          again.close();
        }
      } finally {
        await repairAuditLog();
      }
    } finally {
      for (const p of [pa, pb, pc]) p.close();
    }
  });
});
