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
  // #14: the server requires Content-Type: application/json for a body
  const res = await fetch(`${base}${path}`, { method, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } }) });
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

  it('#14 answers 400 to a path that is not valid percent-encoding and stays up', async () => {
    const r = await fetch(`${base}/dossiers/%E0%A4%A`);
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: string }).error).toBe('INVALID_PATH');
    expect((await call('GET', '/dossiers/H1')).status).toBe(200);
  });

  it('#14 answers 415 without application/json, 400 for OUT_OF_RANGE and a too-deep event, and stays up', async () => {
    const plain = await fetch(`${base}/dossiers/H1/events`, { method: 'POST', body: '{}', headers: { 'content-type': 'text/plain' } });
    expect(plain.status).toBe(415);
    await call('POST', '/dossiers/H9', { procedureCode: '1.004873' });
    const far = await call('POST', '/dossiers/H9/events', { id: 'e1', type: 'received', at: '2150-03-02T09:00+07:00', channel: 'online' });
    expect(far.status).toBe(400);
    expect(far.body.error).toBe('OUT_OF_RANGE');
    const deep = `{"id":"e1","type":"received","at":"2026-03-02T09:00+07:00","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const d = await call('POST', '/dossiers/H9/events', deep);
    expect(d.status).toBe(400);
    expect((await call('GET', '/dossiers/H1')).status).toBe(200);
  });

  it('#14 a body that never arrives gets 408 within the body timeout; the connection cap is set', async () => {
    const { connect } = await import('node:net');
    const small = createServer({ bodyTimeoutMs: 200, maxConnections: 3 });
    await new Promise<void>((ok) => small.listen(0, '127.0.0.1', ok));
    expect(small.maxConnections).toBe(3);
    const port = (small.address() as AddressInfo).port;
    const answer = await new Promise<string>((ok) => {
      const sock = connect(port, '127.0.0.1', () => sock.write('POST /dossiers/A HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{'));
      let got = '';
      sock.on('data', (c) => (got += c));
      sock.on('close', () => ok(got));
      setTimeout(() => sock.destroy(), 5000);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    await new Promise<void>((ok) => small.close(() => ok()));
  });
});
