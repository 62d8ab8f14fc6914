// `npm start`: the add-on in a browser, no Google account needed. Builds nothing itself (npm start
// runs the build first); starts the Assembled simulator in-process, or uses the real API when
// ASSEMBLED_API_KEY is set; serves the workbench on 127.0.0.1 until Ctrl-C. WORKBENCH_TIMEZONE and
// WORKBENCH_LOCALE start the spreadsheet in another zone and locale, as File ▸ Settings would.
import { startWorkbench } from './server';
import { SECOND_EDITOR, SECOND_EDITOR_KEY } from './session';
import { localeProblem, timeZoneProblem } from './spreadsheet-settings';

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not ${process.env.PORT}`);
  process.exit(2);
}
const timezone = process.env.WORKBENCH_TIMEZONE?.trim() || undefined;
const locale = process.env.WORKBENCH_LOCALE?.trim() || undefined;
const refused = [
  timezone && timeZoneProblem(timezone) && `WORKBENCH_TIMEZONE=${timeZoneProblem(timezone)}`,
  locale && localeProblem(locale) && `WORKBENCH_LOCALE=${localeProblem(locale)}`,
].filter(Boolean);
if (refused.length) {
  console.error([...refused, 'The workbench did not start.'].join('\n'));
  process.exit(2);
}
const apiKey = process.env.ASSEMBLED_API_KEY?.trim() || undefined;
const baseUrl = process.env.ASSEMBLED_BASE_URL?.trim() || undefined;

let running: Awaited<ReturnType<typeof startWorkbench>>;
try {
  running = await startWorkbench({
    port,
    ...(timezone ? { timezone } : {}),
    ...(locale ? { locale } : {}),
    ...(apiKey ? { apiKey } : {}),
    ...(baseUrl ? { baseUrl } : {}),
  });
} catch (error) {
  const code = (error as { code?: string }).code;
  console.error(
    code === 'EADDRINUSE'
      ? `Port ${port} is taken: start with another, e.g. PORT=8081 npm start`
      : `The workbench did not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}

const { workbench } = running;
console.log(`
Assembled for Google Sheets: workbench
  Open          ${running.url}
  Add-on        build/Code.js and build/*.html in the local Apps Script runtime (${workbench.rt.workbook.timeZone}, ${workbench.rt.workbook.locale}, user ${workbench.rt.user})
  Assembled     ${workbench.banner}
  Editors       ${workbench.rt.user} at the keyboard; switch to ${SECOND_EDITOR} in the top bar (no key saved${apiKey ? '' : `; theirs is ${SECOND_EDITOR_KEY}`})
  Clock         virtual, following the real clock; skip ahead from the page
  Settings      File ▸ Settings in the page, or WORKBENCH_TIMEZONE / WORKBENCH_LOCALE at start
Ctrl-C stops the server, the clock and the ${apiKey ? 'HTTP worker' : 'simulator'}.
`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  console.log('Stopping the workbench…');
  running.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
