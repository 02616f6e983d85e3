// A minimal portal back end (node:http, no framework): receives a dossier event, validates it
// through the state machine and answers the new status and due date.
//
//   npm run build && node examples/portal-backend/server.mjs      # listens on :8080 (PORT=…)
//
//   POST /dossiers/:id        { "procedureCode": "1.004873" }   create the dossier (procedure from the catalogue)
//   POST /dossiers/:id/events { "id": "e1", "type": "received", "at": "2026-03-02T09:00+07:00", "channel": "online" }
//   GET  /dossiers/:id        current status and timeline
//
// Answers: 200/201 with the status; 400 for malformed JSON or a malformed event (the typed error:
// code, field, message); 404 for an unknown dossier or procedure; 409 when the state machine
// refuses the event (DossierError: state, event, rule). A repeated event id changes nothing.
import { createServer as createHttpServer } from 'node:http';
import { evolve, initial, isDossierError, isMotcuaError, statusAt } from 'motcua/dossier';
import { findProcedure, sampleCatalog } from 'motcua/procedure';

/** Dossiers by id. A real portal keeps the event log in its database and rebuilds with `replay`. */
export function createServer({ catalog = sampleCatalog, now = () => new Date() } = {}) {
  const dossiers = new Map();

  const status = (id, d) => {
    const s = statusAt(d, d.events.length ? maxInstant(d.events.at(-1).at, now()) : now());
    return {
      id, procedureCode: d.procedure.code, state: d.state, nationalCode: d.nationalCode, statusName: s.statusName,
      dueDate: d.clock?.dueDate ?? null, originalDueDate: d.clock?.originalDueDate ?? null,
      withinTime: s.withinTime, workingDaysLeft: s.workingDaysLeft, events: d.events.length,
    };
  };

  return createHttpServer(async (req, res) => {
    const send = (code, body) => {
      res.writeHead(code, { 'content-type': 'application/json; charset=utf-8' });
      res.end(`${JSON.stringify(body)}\n`);
    };
    const m = /^\/dossiers\/([^/]+)(\/events)?\/?$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    if (!m) return send(404, { error: 'NOT_FOUND', message: 'try /dossiers/:id or /dossiers/:id/events' });
    const id = decodeURIComponent(m[1]);
    const d = dossiers.get(id);

    if (req.method === 'GET' && !m[2]) {
      if (!d) return send(404, { error: 'UNKNOWN_DOSSIER', message: `no dossier ${JSON.stringify(id)}` });
      return send(200, { ...status(id, d), timeline: d.history.map((h) => ({ at: h.at, event: h.type, eventId: h.id, state: h.state, nationalCode: h.code, dueDate: h.dueDate })) });
    }
    if (req.method !== 'POST') return send(405, { error: 'METHOD_NOT_ALLOWED', message: 'GET or POST' });

    let body;
    try {
      body = JSON.parse(await readBody(req));
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
        const malformed = e.code === 'INVALID_EVENT';
        return send(malformed ? 400 : 409, { error: e.code, message: e.message, state: e.state, event: e.event, eventId: e.eventId, rule: e.rule, field: e.field ?? null });
      }
      if (isMotcuaError(e)) return send(400, { error: e.code, field: e.field ?? null, message: e.message });
      throw e;
    }
  });
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let s = '';
    req.setEncoding('utf8');
    req.on('data', (c) => {
      s += c;
      if (s.length > 1_000_000) reject(new Error('body over 1 MB'));
    });
    req.on('end', () => resolve(s));
    req.on('error', reject);
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
