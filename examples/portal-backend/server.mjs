// A minimal portal back end (node:http, no framework): receives a dossier event, validates it
// through the state machine and answers the new status and due date.
//
//   npm run build && node examples/portal-backend/server.mjs      # listens on :8080 (PORT=…)
//
//   POST /dossiers/:id        { "procedureCode": "1.004873" }   create the dossier (procedure from the catalogue)
//   POST /dossiers/:id/events { "id": "e1", "type": "received", "at": "2026-03-02T09:00+07:00", "channel": "online" }
//   GET  /dossiers/:id        current status and timeline
//
// Answers: 200/201 with the status; 400 for malformed JSON, a malformed path or a malformed event
// (the typed error: code, field, message; OUT_OF_RANGE too); 404 for an unknown dossier or
// procedure; 409 when the state machine refuses the event (DossierError: state, event, rule);
// 408 when the body does not arrive within `bodyTimeoutMs`; 413 over `maxBodyBytes`; 415 unless
// the body is `Content-Type: application/json`; 500 (and the server stays up) on anything else.
// At most `maxConnections` connections are open at once. A repeated event id changes nothing.
import { createServer as createHttpServer } from 'node:http';
import { evolve, initial, isDossierError, isMotcuaError, statusAt } from 'motcua/dossier';
import { findProcedure, sampleCatalog } from 'motcua/procedure';

/** Dossiers by id. A real portal keeps the event log in its database and rebuilds with `replay`. */
export function createServer({ catalog = sampleCatalog, now = () => new Date(), bodyTimeoutMs = 10_000, maxBodyBytes = 1_000_000, maxConnections = 256 } = {}) {
  const dossiers = new Map();

  const status = (id, d) => {
    const s = statusAt(d, d.events.length ? maxInstant(d.events.at(-1).at, now()) : now());
    return {
      id, procedureCode: d.procedure.code, state: d.state, nationalCode: d.nationalCode, statusName: s.statusName,
      dueDate: d.clock?.dueDate ?? null, originalDueDate: d.clock?.originalDueDate ?? null,
      withinTime: s.withinTime, workingDaysLeft: s.workingDaysLeft, events: d.events.length,
    };
  };

  const server = createHttpServer({ requestTimeout: 2 * bodyTimeoutMs, headersTimeout: bodyTimeoutMs }, async (req, res) => {
    const send = (code, body) => {
      if (res.headersSent) return;
      res.writeHead(code, { 'content-type': 'application/json; charset=utf-8', ...(code >= 408 && code !== 409 ? { connection: 'close' } : {}) });
      res.end(`${JSON.stringify(body)}\n`);
    };
    try {
      await handle(req, send);
    } catch (e) {
      // never let one request take the server down
      send(500, { error: 'INTERNAL', message: 'unexpected error' });
      if (!(e instanceof Error)) return;
      console.error(`portal back end: ${e.name}: ${e.message}`);
    }
  });
  server.maxConnections = maxConnections;
  return server;

  async function handle(req, send) {
    const m = /^\/dossiers\/([^/]+)(\/events)?\/?$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    if (!m) return send(404, { error: 'NOT_FOUND', message: 'try /dossiers/:id or /dossiers/:id/events' });
    let id;
    try {
      id = decodeURIComponent(m[1]);
    } catch {
      return send(400, { error: 'INVALID_PATH', message: 'the dossier id in the path is not valid percent-encoded UTF-8' });
    }
    const d = dossiers.get(id);

    if (req.method === 'GET' && !m[2]) {
      if (!d) return send(404, { error: 'UNKNOWN_DOSSIER', message: `no dossier ${JSON.stringify(id)}` });
      return send(200, { ...status(id, d), timeline: d.history.map((h) => ({ at: h.at, event: h.type, eventId: h.id, state: h.state, nationalCode: h.code, dueDate: h.dueDate })) });
    }
    if (req.method !== 'POST') return send(405, { error: 'METHOD_NOT_ALLOWED', message: 'GET or POST' });
    const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') {
      req.resume();
      return send(415, { error: 'UNSUPPORTED_MEDIA_TYPE', message: `send the body as Content-Type: application/json, got ${JSON.stringify(type || 'none')}` });
    }

    let text;
    try {
      text = await readBody(req, maxBodyBytes, bodyTimeoutMs);
    } catch (e) {
      return send(e.status ?? 400, { error: e.code ?? 'INVALID_BODY', message: e.message });
    }
    let body;
    try {
      body = JSON.parse(text);
    } catch (e) {
      return send(400, { error: 'INVALID_JSON', message: e.message });
    }

    if (!m[2]) {
      // Create: the procedure comes from the catalogue (TTHC code), never from the client's JSON.
      if (d) return send(409, { error: 'DOSSIER_EXISTS', message: `dossier ${JSON.stringify(id)} exists` });
      const procedure = typeof body?.procedureCode === 'string' ? findProcedure(catalog, body.procedureCode) : undefined;
      if (!procedure) return send(404, { error: 'UNKNOWN_PROCEDURE', field: 'procedureCode', message: `no procedure ${JSON.stringify(body?.procedureCode)} in the catalogue` });
      const created = initial({ procedure, id });
      dossiers.set(id, created);
      return send(201, status(id, created));
    }

    if (!d) return send(404, { error: 'UNKNOWN_DOSSIER', message: `no dossier ${JSON.stringify(id)}: POST /dossiers/${id} first` });
    try {
      const next = evolve(d, body); // pure: d is unchanged when the event is refused
      dossiers.set(id, next);
      return send(200, { ...status(id, next), duplicate: next === d });
    } catch (e) {
      if (isDossierError(e)) {
        const malformed = e.code === 'INVALID_EVENT' || e.code === 'OUT_OF_RANGE';
        return send(malformed ? 400 : 409, { error: e.code, message: e.message, state: e.state, event: e.event, eventId: e.eventId, rule: e.rule, field: e.field ?? null });
      }
      if (isMotcuaError(e)) return send(400, { error: e.code, field: e.field ?? null, message: e.message });
      throw e;
    }
  }
}

/** The request body as text: at most `max` bytes, within `ms` milliseconds (413 / 408 otherwise). */
function readBody(req, max, ms) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    const fail = (status, code, message) => {
      clearTimeout(timer);
      req.removeAllListeners('data');
      req.resume();
      reject(Object.assign(new Error(message), { status, code }));
    };
    const timer = setTimeout(() => fail(408, 'BODY_TIMEOUT', `the body did not arrive within ${ms} ms`), ms);
    req.on('data', (c) => {
      size += c.length;
      if (size > max) return fail(413, 'BODY_TOO_LARGE', `the body is over ${max} bytes`);
      chunks.push(c);
    });
    req.on('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** The later of the last event and now, so a log "from the future" (tests, imports) still reads. */
function maxInstant(lastAt, now) {
  return Date.parse(lastAt) > now.getTime() ? lastAt : now;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 8080);
  createServer().listen(port, () => console.log(`motcua portal back end on http://localhost:${port}`));
}
