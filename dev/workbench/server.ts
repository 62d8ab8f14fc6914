// The workbench over HTTP (node:http, 127.0.0.1 only): the page, its JSON API, the sidebar pages
// and the .xlsx download. startWorkbench() is what `npm start` and the browser tests call.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildAssets } from './assets';
import { bigQueryExplorer, bigQueryQuery } from './bigquery-view';
import { WORKBENCH_BIGQUERY_PROJECT } from './session';
import { manageTimeOff, timeOffList } from './time-off-view';
import { TIME_OFF_ACTIONS, type TimeOffAction } from './time-off-wire';
import type { RunAnswer } from './wire';
import { Workbench, type WorkbenchOptions } from './workbench';

export interface WorkbenchServerOptions extends WorkbenchOptions {
  /** 0 picks a free port (tests). */
  port?: number;
}

export interface RunningWorkbench {
  url: string;
  port: number;
  workbench: Workbench;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const MAX_BODY = 4_000_000;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  // A JSON content type makes a cross-site form post impossible (it would need a CORS preflight).
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
    return Promise.reject(new HttpError(415, 'Send JSON'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, 'Too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
          throw new Error('not an object');
        resolve(parsed as Record<string, unknown>);
      } catch {
        reject(new HttpError(400, 'Body is not a JSON object'));
      }
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  });
  res.end(body);
}

const json = (res: ServerResponse, value: unknown, status = 200) =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

const text = (v: unknown, name: string): string => {
  if (typeof v !== 'string') throw new HttpError(400, `${name} must be text`);
  return v;
};

/** Rows of text, as typed or pasted. */
const block = (v: unknown): string[][] => {
  if (
    !Array.isArray(v) ||
    !v.every((line) => Array.isArray(line) && line.every((c) => typeof c === 'string'))
  )
    throw new HttpError(400, 'values must be rows of text');
  return v as string[][];
};

const PAGE_POLICY =
  "default-src 'self'; frame-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'";

export async function startWorkbench(options: WorkbenchServerOptions = {}): Promise<RunningWorkbench> {
  const assets = await buildAssets();
  const workbench = await Workbench.create(options, assets.shim);
  let allowedHosts = new Set<string>();

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Only this machine's names: a page elsewhere cannot reach it through DNS rebinding.
    if (!allowedHosts.has(req.headers.host ?? '')) throw new HttpError(421, 'Unknown host');
    const url = new URL(req.url ?? '/', 'http://workbench');
    const path = url.pathname;
    if (req.method === 'GET') {
      if (path === '/' || path === '/index.html')
        return send(res, 200, 'text/html; charset=utf-8', assets.html, {
          'Content-Security-Policy': PAGE_POLICY,
        });
      if (path === '/app.js') return send(res, 200, 'text/javascript; charset=utf-8', assets.js);
      if (path === '/app.css') return send(res, 200, 'text/css; charset=utf-8', assets.css);
      if (path === '/favicon.svg') return send(res, 200, 'image/svg+xml', assets.icon);
      // Asked for by a browser whatever the page names (a JSON answer opened in a tab has no <link>):
      // no icon rather than a 404 in its console.
      if (path === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
      if (path === '/api/state') return json(res, workbench.state());
      if (path === '/api/settings') return json(res, workbench.settings());
      if (path === '/api/bigquery')
        return json(res, bigQueryExplorer(workbench.rt, WORKBENCH_BIGQUERY_PROJECT));
      if (path === '/api/time-off')
        return json(
          res,
          timeOffList(workbench.session.backend.simulator?.admin, workbench.rt.workbook.timeZone),
        );
      if (path === '/api/sheet') {
        const name = url.searchParams.get('name') ?? '';
        if (!workbench.rt.workbook.sheetNames().includes(name)) throw new HttpError(404, 'No such sheet');
        return json(res, workbench.sheet(name));
      }
      const sidebar = /^\/sidebar\/(\d+)$/.exec(path);
      if (sidebar) {
        const html = workbench.sidebarHtml(Number(sidebar[1]));
        if (html === null) throw new HttpError(404, 'That sidebar is closed');
        return send(res, 200, 'text/html; charset=utf-8', html);
      }
      if (path === '/api/download.xlsx') {
        const file = await workbench.xlsx();
        const name = workbench.rt.workbook.name.replace(/[^\w .-]/g, '_') || 'workbook';
        return send(res, 200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', file, {
          'Content-Disposition': `attachment; filename="${name}.xlsx"`,
        });
      }
      throw new HttpError(404, 'Not found');
    }
    if (req.method !== 'POST') throw new HttpError(405, 'GET or POST');
    const body = await readJson(req);
    switch (path) {
      case '/api/run': {
        const args = Array.isArray(body.args) ? body.args : [];
        const from = body.from === undefined ? undefined : text(body.from, 'from');
        const reply = await workbench.run(text(body.fn, 'fn'), args, from);
        return json(res, { ...reply, front: workbench.rt.workbook.activeSheet() } satisfies RunAnswer);
      }
      case '/api/menu': {
        const steps = Array.isArray(body.path) ? body.path.map((p) => text(p, 'path')) : [];
        return json(res, workbench.menu(steps));
      }
      case '/api/select':
        return json(
          res,
          workbench.select(text(body.sheet, 'sheet'), text(body.a1 ?? 'A1', 'a1'), body.back === true),
        );
      case '/api/write':
        return json(
          res,
          workbench.write(
            text(body.sheet, 'sheet'),
            Number(body.row),
            Number(body.column),
            block(body.values),
            body.clip === undefined ? undefined : text(body.clip, 'clip'),
            body.valuesOnly === true,
          ),
        );
      case '/api/copy':
        return json(
          res,
          workbench.copy(
            text(body.sheet, 'sheet'),
            text(body.a1, 'a1'),
            body.cut === true,
            text(body.clip, 'clip'),
          ),
        );
      case '/api/lines': {
        const lines = text(body.lines, 'lines');
        const action = text(body.action, 'action');
        if (lines !== 'rows' && lines !== 'columns')
          throw new HttpError(400, 'lines must be rows or columns');
        if (action !== 'insert' && action !== 'delete')
          throw new HttpError(400, 'action must be insert or delete');
        const inherit = body.inherit ?? 'after';
        if (inherit !== 'before' && inherit !== 'after')
          throw new HttpError(400, 'inherit must be before or after');
        const change = { lines, action, at: Number(body.at), count: Number(body.count), inherit } as const;
        return json(res, workbench.changeLines(text(body.sheet, 'sheet'), change));
      }
      case '/api/number-format': {
        const format = text(body.format, 'format');
        if (format !== 'automatic' && format !== 'plain text')
          throw new HttpError(400, 'format must be automatic or plain text');
        return json(res, workbench.numberFormat(text(body.sheet, 'sheet'), text(body.a1, 'a1'), format));
      }
      case '/api/note':
        return json(
          res,
          workbench.note(text(body.sheet, 'sheet'), text(body.a1, 'a1'), text(body.note ?? '', 'note')),
        );
      case '/api/sort':
        return json(
          res,
          workbench.sort(
            text(body.sheet, 'sheet'),
            text(body.a1, 'a1'),
            Number(body.column),
            body.ascending !== false,
            body.header === true,
          ),
        );
      case '/api/undo':
        return json(res, workbench.undo(body.redo === true));
      case '/api/filter': {
        const action = text(body.action, 'action');
        if (action !== 'create' && action !== 'remove')
          throw new HttpError(400, 'action must be create or remove');
        return json(res, workbench.filter(text(body.sheet, 'sheet'), text(body.a1, 'a1'), action));
      }
      case '/api/add-sheet':
        return json(res, workbench.addSheet());
      case '/api/rename-sheet':
        return json(res, workbench.renameSheet(text(body.sheet, 'sheet'), text(body.name, 'name')));
      case '/api/delete-sheet':
        return json(res, workbench.deleteSheet(text(body.sheet, 'sheet')));
      case '/api/settings':
        return json(
          res,
          workbench.saveSettings(text(body.locale, 'locale'), text(body.timeZone, 'timeZone')),
        );
      case '/api/faults':
        return json(res, workbench.setFaults(text(body.preset, 'preset')));
      case '/api/skip':
        return json(res, await workbench.skip(Number(body.ms)));
      case '/api/editor':
        return json(res, workbench.switchEditor(text(body.email, 'email')));
      case '/api/close-sidebar':
        return json(res, workbench.closeSidebar());
      case '/api/bigquery/query':
        return json(res, bigQueryQuery(workbench.rt, WORKBENCH_BIGQUERY_PROJECT, text(body.sql, 'sql')));
      case '/api/time-off': {
        const action = text(body.action, 'action');
        if (!TIME_OFF_ACTIONS.includes(action as TimeOffAction))
          throw new HttpError(400, `action must be one of ${TIME_OFF_ACTIONS.join(', ')}`);
        const admin = workbench.session.backend.simulator?.admin;
        return json(res, manageTimeOff(admin, text(body.id, 'id'), action as TimeOffAction));
      }
      case '/api/reset':
        await workbench.reset();
        return json(res, { ok: true });
    }
    throw new HttpError(404, 'Not found');
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      if (status === 500) console.error(error);
      if (!res.headersSent) send(res, status, 'text/plain; charset=utf-8', message);
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`${HOST}:${port}`, `localhost:${port}`]);
  return {
    url: `http://${HOST}:${port}/`,
    port,
    workbench,
    close: () =>
      new Promise<void>((done) => {
        workbench.close();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
