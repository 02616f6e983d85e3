import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript example, imported as a user would run it
import { createServer } from '../../examples/portal-backend/server.mjs';

let base = '';
let server: import('node:http').Server;
beforeAll(async () => {
  server = createServer({ now: () => new Date('2026-03-04T10:00:00+07:00') });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers, asserted field by field
async function call(method: string, path: string, body?: unknown | string) {
  const res = await fetch(`${base}${path}`, { method, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
  return { status: res.status, body: (await res.json()) as any };
}

describe('examples/portal-backend: a dossier event endpoint on node:http', () => {
  it('creates a dossier from the catalogue and answers the status and due date of each event', async () => {
    expect((await call('POST', '/dossiers/H1', { procedureCode: '1.004873' })).status).toBe(201);
    // Received online on Monday 2/3/2026: 3 working days → Thursday 5/3.
    const r = await call('POST', '/dossiers/H1/events', { id: 'e1', type: 'received', at: '2026-03-02T09:00+07:00', channel: 'online' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ state: 'received', nationalCode: 2, dueDate: '2026-03-05', withinTime: true, workingDaysLeft: 1, duplicate: false });
    // A supplement request stops the clock (status 5).
    const s = await call('POST', '/dossiers/H1/events', { id: 'e2', type: 'supplement-requested', at: '2026-03-03T10:00+07:00' });
    expect(s.status).toBe(200);
    expect(s.body.nationalCode).toBe(5);
  });

  it('is idempotent on a repeated event id', async () => {
    const again = await call('POST', '/dossiers/H1/events', { id: 'e2', type: 'supplement-requested', at: '2026-03-03T10:00+07:00' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ duplicate: true, events: 2 });
  });

  it('answers 409 with the state, event and rule when the state machine refuses the event', async () => {
    const r = await call('POST', '/dossiers/H1/events', { id: 'e3', type: 'supplement-requested', at: '2026-03-03T11:00+07:00' });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ error: 'INVALID_TRANSITION', event: 'supplement-requested', eventId: 'e3' });
    expect(r.body.rule).toEqual(expect.any(String));
    expect(r.body.state).toBeTruthy();
    expect((await call('GET', '/dossiers/H1')).body.events).toBe(2); // unchanged
  });

  it('answers 400 for malformed JSON and malformed events, 404 for unknown dossiers and procedures', async () => {
    expect((await call('POST', '/dossiers/H1/events', '{"id": ')).body.error).toBe('INVALID_JSON');
    const bad = await call('POST', '/dossiers/H1/events', { id: 'e4', type: 'received', at: '2026-03-02 09:00' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/INVALID_EVENT|INSTANT_WITHOUT_OFFSET|INVALID_INSTANT/);
    expect((await call('POST', '/dossiers/NOPE/events', { id: 'e1', type: 'received', at: '2026-03-02T09:00+07:00' })).status).toBe(404);
    const proc = await call('POST', '/dossiers/H2', { procedureCode: '9.999999' });
    expect(proc).toMatchObject({ status: 404, body: { error: 'UNKNOWN_PROCEDURE', field: 'procedureCode' } });
  });

  it('GET returns the status and the timeline with national codes', async () => {
    const r = await call('GET', '/dossiers/H1');
    expect(r.status).toBe(200);
    expect(r.body.timeline.map((t: { event: string; nationalCode: number }) => [t.event, t.nationalCode])).toEqual([['received', 2], ['supplement-requested', 5]]);
  });
});
