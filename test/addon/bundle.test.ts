import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../dev/gas';

const build = join(import.meta.dirname, '../../build');
const code = readFileSync(join(build, 'Code.js'), 'utf8');
const manifest = JSON.parse(readFileSync(join(build, 'appsscript.json'), 'utf8'));

/**
 * What build/Code.js may weigh. Apps Script parses the whole bundle on every execution, onOpen
 * included. It is fully minified and zod/mini is tree-shaken to the schemas used (~24 KiB), so
 * growth is the add-on's own code: see what grew with `BUILD_ANALYZE=1 npm run build`. Issue
 * 13's goal is 120 KiB (unmet: 193 KiB with the BigQuery destination and activities push, 200.3
 * with the refreshes sidebar carrying runs on and the retry words, 204.5 with append's check of
 * the rows already there, agent-state checks across rows and Pull it again, 206.7 with the pull
 * form saying before a pull that its buckets will be UTC ones or its intervals refused, and a
 * large org's too many intervals giving way to UTC buckets, 207.2 with refreshes whose owner's
 * trigger is gone shown as overdue, 207.5 with remembered pulls kept within 50 KB, 207.6 with a
 * push's rows to fix in the log's Status, 209.0 with a replace clearing a push's Action and
 * outcome columns beside its table, 211.3 with done rows changed since they were pushed pointed
 * out, 212.4 with Sync time off logged and the QA round's words, 213.5
 * with Stop this pull, 214.5 with pushed and listed rows in the cross-row checks, 215.0 with retry words keeping
 * only the cause and a pulled schedule's own columns known to Activities, 215.8 with the kind a
 * sheet last went as kept in its Push status note, 217.8 with a "did you mean" for a misspelt
 * agent, fastest-levenshtein 1.3 of it, 218.2 with a pulled schedule's rows with no Action counted
 * as left alone, 218.4 with a push listing its rows to fix, 218.8 with the rows Assembled refused listed too and
 * Push status "error" shown in red, 220.0 with Stop this push and a push stopped after 30 minutes
 * of Assembled down, 220.8 with a synced row still saying it changed since pushed and a pull's
 * filters in words on its card, in Pull it again and in the log, 221.0 with the template's Type
 * note speaking of the account's types, 221.7 with pulled time off as its days, a pulled time-off
 * list refused as new requests, and a failure e-mail naming its refresh and the dates missed,
 * 223.6 with platform IDs checked against those people hold in Assembled, agent states over 7
 * days refused, and a shared name's "did you mean" offering emails, 225.0 with pulled agent
 * states refused for ingest, a denied request's cancel said in words, a row read from any column
 * that names its field, and BigQuery's answer saying how rows went in, 227.3 with a report's
 * bucket cut short by one pull giving way, in a sheet and in BigQuery, to the bucket merged whole
 * later, 228.2 with a replace at a cell refusing to write over cells it did not write, 228.6 with
 * a part of a bucket left out where the whole is held, 230.2 with an emptied row's outcome cleared,
 * time off over 31 days refused, a failure while sending said, "Paid time off" sent as pto and a
 * cancel typed twice marked, 230.3 with an append or merge at a cell kept above a total typed
 * under it, 230.7 with an append or merge of another source or granularity refused before it
 * starts, 231.2 with a failed refresh's tab turned red until a good run, 232.5 with failures
 * naming the call in words, "while reading the report", in place of method and path: a line per
 * endpoint in call-words.ts, 232.7 with an agent-state pull's note saying its edge states are
 * whole, 234.0 with a merge key naming no column refused when the pull starts, a refresh card's
 * mode in the Pull form's words, a failure e-mail saying the sheet still holds the last good
 * run's rows and when they were generated, a run given up hours late shown at the time it was
 * due, and a nested object's fields kept together, 235.9 with the ops QA round's push checks:
 * a changed pushed state pointed to an edit, a mistyped delete ID a row to fix, a misspelt state or
 * platform's "did you mean", Sync's counts by status and every problem of a row said at once,
 * 236.6 with a refresh failing run after run e-mailing about once a day, not every run, 237.5
 * with a pushed state's change advice saying where a State ID may be had, a state's Source checked
 * for near misses, a row's readable cells checked when another is not, a push's retries saying
 * when it gives up, and a card's next run never shown already past, 238.5 with a push's rate-limit
 * wait said as such, a "new sheet" named like a sheet of the user's own refused, and an A1 table
 * kept to its last block like one at a cell, 238.9 with an activity type's "did you mean", a
 * card's due run said to wait for the next check, and an activity sent without Allow conflicts
 * saying Assembled removed what it overlaps, 239.0 with a sidebar pull's log line saying the
 * sidebar tries again within a minute, 239.1 with every missing merge key column named and the
 * log's failed runs in red, 239.4 with rows emptied at the foot of a table's last block left out,
 * so an append or merge goes on with no gap, 239.9 with the red of a failed run or a Push
 * status of error stretched over rows added to the sheet, 240.1 with the modes a refresh's Edit
 * offers, 240.2 with a merge row taking the user's cells beside the rows it takes the place of,
 * 240.8 with a merge or append refresh catching up on the days its last run left, 241.4 with a
 * swap of two letters taken as one slip and a changed row put back saying again what it said
 * when sent, 241.8 with Validate keeping Assembled's refusal of a row not changed since, 242.0
 * with Validate saying an activity without Allow conflicts removes what it overlaps, 242.1 with
 * narrower id columns in the templates of kinds that get no Assembled ID, 242.3 with an
 * association typed twice sent once, 242.4 with a replace that found no rows saying so, 242.5
 * with the caller's last push of the sheet shown again in a reopened Push sidebar, 242.7 with
 * the agent-states help saying Assembled's own states are not read, 242.9 with a header pasted
 * among the rows said to be one, 243.1 with a misspelt departed agent offered as having left,
 * 243.7 with a refresh naming its sheet as its tab does and refusing Resume and Run now once the
 * sheet is deleted, 244.1 with a pull of other data into a refreshed place refused, 244.2 with
 * overlapping states and activities told a row typed twice may be deleted, 245.1 with the fixes
 * of the ops QA round of 2026-12-04: time off typed again after a push held back, a rate limit
 * waited out as Assembled asks, an emptied done row's message, the OK rows without Allow
 * conflicts counted, 245.3 with a row pushed before and its status cleared said to be made
 * twice if pushed again, 245.5 with namesakes told apart by email beside ids, 247.0 with the
 * outage QA round's words: a failed pull saying what became of its target and what to do, the
 * log's next try to the second, Test connection saying an outage once, 247.6 with the keyboard
 * QA round's words: form messages without field paths, a merge or append that found no rows
 * saying so, 247.7 with an association the agent holds already said to change nothing, 247.8
 * with a form's whole-sentence messages ended by a full stop, 248.0 with requirements pulled for a
 * range, a done row typed back saying so and coverage's Short column, 248.2 with the ranges ahead:
 * tomorrow, this week, next week, 248.7 with filtered ids named on cards and in the log, 249.2
 * with Test connection reading the schedule endpoints, 249.6 with an append or merge under an
 * emptied header refused, 249.9 with an Existing sheet of the user's own refused, 250.2 with an
 * append or merge into a place a Replace refresh writes refused, 250.3 with the progress panel's
 * What saying the filters, 250.8 with a replace saying a column headed beside it stays as typed,
 * 251.7 with a merge keeping the user's formulas as formulas, moved with their rows, 252.6 with the
 * Push sidebar watching another editor's push and saying when it goes on, 253.0 with a last push
 * summary dated when another editor pushed the sheet since, 253.1 with state edits' inserts and
 * updates checked for overlaps as states to ingest are, 255.1 with a window to clear typed twice
 * refused and Validate reading what each window would remove, 256.4 with Push counting rows by what
 * they say, ids to cancel looked up at Validate, plainer words, 257.4 with a merge key the table
 * has no column for refused at the pull's start, and a key rows share named by its values, 257.7
 * with a report's team, site or queue filter said to take in those under it, 258.1 with a refresh
 * run its deleted sheet kept from starting logged and e-mailed, 258.5 with a refresh run with no
 * key saved said so, not as a refused key, 258.7 with a refresh card saying its sheet was deleted
 * as soon as it is listed, 259.0 with a key saved counting the refreshes a missing or refused key
 * paused, 259.3 with a BigQuery append refresh's card saying each run adds every row again, 259.6
 * with a BigQuery duration column described as days, 259.7 with a resumed refresh e-mailing anew,
 * 259.8 with the owner of a refresh paused for their key told so as you, 259.9 with a retried run's
 * log rows timing each attempt from its own start, 260.8 with a BigQuery append refresh loading a
 * day once it is over, whatever mode it was made in or range it was given, 261.2 with Push of
 * windows to clear asking only when the sheet has a window to clear, 261.3 with outcomes and a
 * skipped append said in sentences, 261.4 with Test connection stopping at a refused key, 264.1
 * with a column whose header the user typed over still taking its field on append and merge, 264.6
 * with Resume refused without a key, a paused card saying so as the key is now, Run now mailing
 * nothing, and a refresh's owner named "you", 266.3 with an append or merge of nothing keeping
 * its block's record, the header note naming up to 50 filtered items and saying where clocks
 * changed, and a first append or merge said as written, 266.5 with a column deleted by hand
 * brought back at the end, not refused, 266.6 with the Pull form saying where clocks change
 * before a pull of times of day, 267.4 with merge and append knowing rows by the wall-clock times
 * a sheet holds, so the night clocks go back merges again unchanged, 268.7 with rows changed
 * during a push marked not sent and counted, Push asking before rows pushed before are made a
 * second time and before cancelling time off, only the later copy of a time-off row typed twice
 * held back, Validate's count of more rows counting rows changed since pushed, and cancel ids
 * Validate found unknown not sent, 270.5 with a BigQuery table's field rules shared with the Pull
 * form, which says each at its field, a refresh's catch-up past 31 days asked in parts so every
 * bucket is a calendar one, and a report stopping at the last whole interval before now, said in
 * its note and form, 270.6 with a roll-up's note naming a backlog only where a report has one,
 * 271.9 with a merge's rows that replaced earlier ones said as replacing, a push waiting on a
 * failing Assembled said in minutes, cells holding a formula error or an id mangled into a number
 * said as such, and a changed association's advice, 273.0 with an append leaving out the day,
 * week or month under way, said in its note and form, 273.6 with a schedule grid's text made
 * readable on its activity type's fill, 273.8 with the grid's legend said where it is, 274.7 with coverage's
 * Gap and Short explained in their headers' notes, its chart said where it is and its times frozen,
 * 276.2 with a push whose owner's key is gone stopping at once and saying why, a push sending only
 * the rows there when Push was pressed, and a replace keeping the user's columns after a merge,
 * an append or an empty pull, saying what an empty replace left and whose filters a note names,
 * 277.0 with another editor asked to have a refresh's owner change it, a refresh's deleted sheet
 * and refused key said by whose they were, and Remove key pausing its owner's refreshes, 277.3
 * with Pull it again saying before a replace that the user's columns stay as typed, 277.8 with a
 * column moved by hand keeping its field's format and a replace keeping the columns' order, 277.9
 * with BigQuery's append words no longer warning of a report by day re-adding its day under way,
 * 278.9 with a table's rows kept as developer metadata, so rows inserted or deleted inside or above
 * it move it and a replace says it wrote over rows inserted inside, 279.4 with a push's status
 * columns put right of every used column and an Assembled ID the add-on did not write no longer
 * taken for a pushed row, which Validate says, 279.9 with two columns that fit one field no
 * longer combined row by row, Validate and Push saying which one is read, 281.7 with a stopped
 * push marking its unsent rows "not sent", platform ids' advice fitting a Plain text column, an
 * agent state typed twice holding back only its copy, time-off types named as the dropdown names
 * them, "yes" said to be read as TRUE, and Settings pointing to Push rows too, 285.2 with an
 * editor's finished runs giving way in their storage share (share.ts), a change of the
 * spreadsheet's time zone followed by pushed rows' prints, refreshes' next runs and hours and
 * refused for a merge or append, and a new sheet a failed pull made deleted, its rows written said,
 * 286.3 with a pull's cells counted as Sheets counts them and one that cannot fit refused in words,
 * 286.4 with a push row's unreadable date answered with an example in the spreadsheet's locale,
 * 287.0 with a text date that reads two ways (03/04/2026) saying beside its row how it was read,
 * 287.6 with the day-first English locales read so (date-order.ts) and a two-way date in a locale
 * of unknown order refused in words,
 * 287.7 with a new sheet keeping its rows, so a formula typed before it was made keeps its range,
 * 287.9 with the log naming a sheet renamed during a run as it is now called, and Weekly starting
 * on today's weekday in the spreadsheet's zone,
 * 290.6 with each log row's Duration its attempt's own time, a refresh whose sheet was deleted
 * paused and e-mailed at its owner's next tick, one e-mail for an owner's refreshes given up
 * together (together about 2.1 KiB), staging sheets left by an execution cut short swept when a
 * pull starts, and the pages' staging sheet and a grid's or coverage's new sheet cut to size),
 * 291.0 with a refresh's record changed only under the lock and from the record as saved now (a
 * Pause, Delete or Remove key meeting a run's end is refused in words, never undone),
 * 291.1 with a schedule grid's cells counted before it is drawn and the refreshes sidebar reading
 * the sheets once for all its cards,
 * 291.2 with Push rows' no-key notice shared with Pull data's, Run now hidden from an owner whose
 * refresh waits for their key, and a rerun named once when its sheet is called for its data,
 * 293.6 with an append leaving out report rows that overlap the sheet's over other bounds (UTC
 * months beside calendar ones), said in the form before and the message after (about 1.6 KiB), a
 * Replace refresh of a range under way saying the period before ends unpulled, on its card and at
 * its first run of a new period (0.8 KiB), and deleted agents marked in the Agents picker,
 * 296.3 with a time refused for its form (Send times as) saying what to choose in Settings and
 * Save trying it first (0.5 KiB), a pasted key's invisible characters dropped and a character no
 * key holds named (0.6 KiB), a report range over Assembled's 92 days asked in parts (0.4 KiB), an
 * append that left out the month under way saying so and an empty new sheet let go (0.5 KiB), a
 * report's averages over a count of 0 left blank (0.4 KiB), and sentences ended once,
 * 296.5 with 31 days across an autumn clock change asked in parts within the intervals' limit,
 * 296.8 with a report metric named twice for one row refused in words, never one figure kept,
 * 297.6 with ticket stats whose live metrics name no queue asked again a queue at a time (0.7 KiB),
 * 299.9 with Allow conflicts sent through the single create and an update asking it refused in
 * words (1.6 KiB, mostly the words), a schedule pull's team filter applied from the agents' teams
 * and the grid's teams named from the teams list (0.6 KiB),
 * 300.8 with a range asked as several reports counted in its progress and told before the pull,
 * a second pull startable into another place, the agent states' note on a blank End, a push's
 * Duration its own time with its wait for an outage said, and lists without a total read to
 * their first short page (together about 1.0 KiB),
 * 301.1 with a second Run now of a refresh under way refused in words and refreshes saved as every
 * 1 hour read as hourly,
 * 303.0 with an association to a platform no one in Assembled has an ID on refused in words (0.8
 * KiB) and agent states Assembled holds already not ingested again (1.0 KiB),
 * 304.0 with a failed catching-up refresh's e-mail saying its next run catches up, a refresh
 * refused for cells under its table naming them and saying to move them, and a bucket pulled again
 * fuller merged as updated (together about 1.0 KiB),
 * 304.3 with the agent states Assembled holds read once for everyone past a few agents (0.3 KiB),
 * 304.9 with an association's platform sent as Assembled's people spell it, in later runs too (0.5 KiB),
 * 305.2 with a report of one queue keeping its queue before its reply is staged and a condensed
 * timeline with no platform IDs asked with its states' platforms (together 0.3 KiB),
 * 305.8 with the words beside a push's rows rewritten as it reads them, waits to, or stops before
 * it could, a rate limit's wait counted in the sidebar, and the sheet in front asked for Use the
 * sheet now in front (together 0.6 KiB),
 * 307.0 with Test connection's timeline not run when no platform is known, a load into BigQuery
 * speaking of its table, and Pause stopping a refresh's run under way (together 1.2 KiB),
 * 308.9 with an all-day time-off row's days in the agent's own zone (push, pull and sync, kept for
 * a push's later runs) and All day FALSE taken as exact times, an empty one said when read as
 * whole days (together 1.9 KiB),
 * 311.2 with a list pull read a step at a time, its replies kept in its staging and answered from
 * there in later executions, its pages read said (2.2 KiB; issue 13),
 * 311.3 with the saved key and options read from a module of their own (Settings and refreshes
 * had imported each other),
 * 311.8 with an association's platform declared new in its cell (new: freshdesk) and the words on
 * platforms rewritten to say which pass (0.5 KiB),
 * 312.0 with a person's platform ID columns put alphabetically (0.2 KiB),
 * 313.1 with an Occurrence ID in Activity ID refused at Validate and an update's unknown id in the
 * delete's words, an agent given as "Name (email)" found by its email, and an overlap naming the
 * field that makes it (together 1.1 KiB),
 * 313.6 with an Activities push started while Assembled is down (every read before Push asks
 * falling back alike), Validate's Allow conflicts count of creates only with a line for updates,
 * and a changed row told to clear Allow conflicts too (together 0.5 KiB),
 * 314.0 with an agent state's Source sent as Assembled spells the platform, and its header note
 * saying so (0.4 KiB),
 * 314.2 with Validate's word on a row that adds a platform new to Assembled (0.2 KiB),
 * 314.5 with an unknown agent typed "Name (email)" offered near misses in that form (0.3 KiB),
 * 314.9 with a pull that finds no rows naming the filters it went out with (0.4 KiB),
 * 315.1 with the ticket stats note saying a parent queue's figures count its child queues' (0.1 KiB),
 * 316.2 with a BigQuery staging table dropped when its load stops or fails, Stop kept for a list's
 * read step under way, and Stop on a refresh card whose run is under way (together 1.1 KiB),
 * 316.3 with BigQuery's table references sent bare (tableRefOf), not with a pull's mode and key,
 * 317.1 with a list without a total read a few pages ahead, a short first page not taken for the
 * last, and an empty first page under a total refused (together 0.7 KiB),
 * 319.1 with a person's formula column beside a table filled down the rows a write adds (1.9 KiB),
 * 320.8 with all-day time-off rows shown as days, a stopped push's cause when rate-limited, the
 * wait said as it was, Validate's zone line counting only rows read in the sheet's zone, and
 * 'waiting' beside rows a push waits to read (together 1.7 KiB),
 * 323.7 with an ingested state said to be changed in Assembled itself, the cancel question counting
 * only requests that exist, pushed rows deleted from the sheet told of, and a pushed row's note in
 * words naming what changed since (together 2.9 KiB), 325.8 with picks under Filters that
 * Assembled no longer has (a deleted queue) left out of the pull and said (2.1 KiB),
 * 326.8 with a page longer than its offsets' step taken only up to the next offset, and the page
 * size each endpoint gave remembered (together 1.0 KiB),
 * 328.5 with the refresh card's words (a run retried named by its due time, a normal skip not in
 * red, a merge's counts, what to do after a give-up), the failure e-mail's days, one later try of
 * a weekly or monthly run given up, and the Pull form keeping a pull's offer (together 1.7 KiB),
 * 331.0 with formula columns filled around a person's cell under the table in every mode, that
 * cell kept and told of, and the columns filled down named in the done words (together 2.5 KiB),
 * 332.3 with a stopped BigQuery load's jobs cancelled before its staging table is dropped, and a
 * refresh card's Stop and Pause answered at once while the run holds the lock (together 1.3 KiB),
 * 333.0 with the card's Run now hidden during a run, a stop saying who stopped it, a stale zone
 * reason gone, and a user's stopped push in a neutral tone (together 0.7 KiB),
 * 333.5 with a run given up and tried once more later saying so beside its days not pulled, in
 * the e-mail, and on its card that Run now is for when that try fails too (0.5 KiB);
 * 333.8 with Stop seen within the BigQuery load step, between chunks and job polls (0.3 KiB);
 * 335.0 with a person's formula column cleared from the rows a replace's table no longer reaches
 * (kept in the row under the header of a table left empty, and filled down from it), said (1.2 KiB);
 * 335.7 with a refresh kept from running twice on the day the spreadsheet's zone moves west, and its
 * card telling the zone it was saved for when the spreadsheet's differs (0.7 KiB);
 * 337.2 with a refresh's run refused by the rate limit waiting out its Retry-After (up to 10
 * minutes) uncounted, Run now beside Stop while a run waits for its next try, and the card's words
 * for a later try, a run started by hand and the attempts counted alike everywhere (1.5 KiB);
 * 337.3 with the card saying what Run now pulls as the e-mail does ("last week as of the day you
 * press it"), from one place (0.1 KiB);
 * 337.9 with a pull's new sheet made behind the person's (one insertBehind for it, the staging
 * sheets and the log) and Done's "Go to <sheet>", found by id (0.6 KiB);
 * 338.2 with Push's summary saying "it" of one row changed since pushed and "they" of more, and one
 * listed activity with no Action "left as it is" (0.3 KiB);
 * 339.1 with an association to send checked against the rows the sheet pushed, as they now read,
 * for a second ID of its agent on its platform, and a pushed row changed since naming the rows
 * that disagree with it (0.8 KiB);
 * 340.5 with a time typed without a date refused on its row and a day no calendar has named (1.0
 * KiB), a sidebar's pull waiting out the rate limit uncounted, and another editor's card saying who
 * carries a refresh's run on and by when (0.4 KiB);
 * 343.5 with Sync time off telling a row its request was cancelled, denied, deleted or changed in
 * Assembled, each in its own words and with what to do (2.9 KiB);
 * 343.8 with a row's same problem of several cells said once ("Start and End: a time with no
 * date", "Agent, Type, Start and End: are empty, and create needs them") (0.3 KiB);
 * 346.6 with pushed rows sorted without their status columns found (each row's cells looked up
 * among what the other changed rows were pushed with), told to undo the sort, not to cancel, and
 * counted apart in Push's summary, and a pushed association changed since saying a row pushed
 * later sent the same (2.8 KiB);
 * 346.8 with a People sheet's note saying reports' Agent ID is its Agent ID column, not ID, and a
 * new refresh's e-mail on failure ticked (0.2 KiB);
 * 347.3 with a summary at the top of a column beside a replaced table (a total, an average) not
 * said to stay as typed row by row (row-notes.ts) (0.5 KiB);
 * 348.2 with a report's rows by day, week or month showing Start and End as dates and its note
 * saying End is exclusive (day-columns.ts) (0.9 KiB);
 * 349.7 with a create over an activity a pulled schedule lists held back (a blank Schedule ID is
 * the master's), a row's problem naming the column its cell was read from, and an activity in the
 * past said to be (1.5 KiB);
 * 353.8 with rows typed right under a pulled table taken in as its rows (typed-rows.ts): Replace
 * writes over them and says so, Merge and Append find a pushed one by its Assembled ID, an unpushed
 * Action among them stops the pull, and a total under the table is told where to go (4.1 KiB);
 * 354.5 with a merge making the Push status note of a pushed row it updates in place of the row as
 * Assembled lists it, so Validate takes the ids it filled in for no change (pushed-prints.ts) (0.7 KiB);
 * 355.1 with a replace that clears the push columns taking the rows it cleared out of the Push status
 * header's count of rows pushed, so they are not told of as deleted (push-columns.ts) (0.6 KiB);
 * 356.3 with a shared instruction said once after both cells' problems, Validate's first line
 * counting done rows as Push's summary does, and a row Sync found ended asked for anew without a
 * duplicate warning (1.2 KiB);
 * 357.1 with a summary beside a replaced table known by what it is, a block of totals over the
 * table anywhere in 12 rows, its labels too, and typed notes on the top rows warned again (0.8 KiB);
 * 357.4 with getPullOptions answering whole when the selection cannot be read, the Active cell
 * saying why, and a new sheet made without putting a selection back it could not read (0.3 KiB);
 * 358.2 with a time-off pull's note saying how its range picks requests, the header note marking
 * each name column as looked up by the add-on, and a People note on Role ID vs Role IDs (0.8 KiB);
 * 358.3 with each report's note saying what its blank averages are over (0.1 KiB);
 * 359.0 with the Assembled log's header note: what the sheet is, and the zone its When is in, from
 * which row on after the spreadsheet's zone changed (0.7 KiB);
 * 359.6 with a column of the user's own notes not named as unread, a date-alone time-off row with End
 * empty read as that one day, and each report's Queues hint and interval's length (0.6 KiB);
 * 360.1 with Settings saying in words whether a key is saved, a refused key told as the key's
 * problem, and a key's odd character named where it is, quotes around it taken off (0.5 KiB);
 * 360.3 with a refresh card's Last run on both zones' clocks once the zone moved (0.2 KiB);
 * 361.0 with a date cell in a column that holds no time refused (an ID Sheets read as a date), a
 * note's date sent as the sheet shows it (0.7 KiB);
 * 361.5 with an ID column's number cell sent with words that Sheets dropped its leading zeros
 * (0.5 KiB);
 * 361.6 with a merge refused after a zone change told, in Pull data, to choose Replace it under If
 * the target has data rather than given the menu's path (0.1 KiB);
 * 363.6 with an ingested state whose Push status was cleared put back, not sent twice, a refused
 * row's note saying so, and a state overlapping one Assembled holds on its platform held back (2.0 KiB);
 * 365.9 with an agent state's platform near a known one refused with a "did you mean" (new: sends
 * another), a name near a known state too, and any other said to be unknown to Assembled (2.3 KiB);
 * 366.1 with the summaries saying pushed agent states changed since can only be changed in
 * Assembled itself, as their Push messages do, not that the messages say how to send them (0.2 KiB);
 * 368.4 with a push row's time the clocks skip or show twice read as before and said so, with how
 * to type it exactly, a date cell's shown text read where its instant may be a skipped time (2.3 KiB);
 * 368.9 with a header note saying how the add-on made the columns Assembled sends no field for
 * (Duration, First and Last day, an activity's looked-up columns) (0.6 KiB);
 * 369.3 with Run now refused from a card drawn before a run of it ended (a double press) (0.4 KiB);
 * 369.4 with time off whose answer was lost found by any of its type's names (0.1 KiB);
 * 370.5 with Save of a key Assembled could not check asking first, and Resume of a refresh paused for
 * a refused key checking the key with one read of roles (1.0 KiB);
 * 371.0 with a retried run's card saying when it is tried again and given up, and offering Cancel
 * the retry between tries (0.5 KiB);
 * 373.0 with an append refresh counting the rows it gathered, so choosing Replace says what goes and
 * asks first, and a skipped append run logged (2.0 KiB);
 * 374.7 with rows a stopped push did not reach saying why it stopped (a refused key, an outage, Stop)
 * and keeping what their last check found (1.7 KiB);
 * 374.8 with a pull's retry and rate-limit waits timed as tries, and a sidebar pull logged once (0.1 KiB);
 * 377.6 with a merge or append refresh's card saying before its run that a zone change will have it
 * refused, the zone-moved hint's hour on a clock-change night, Resume naming the runs missed while
 * paused, and an edit of a refresh paused for a refused key checking the key (2.8 KiB);
 * 377.7 with a card's drawing inputs named in one object, not positional (0.1 KiB: the names);
 * 377.9 with Validate and Push saying when the push sheet has a filter (0.2 KiB);
 * 380.1 with a done word typed in Push status held back, not counted done, and a pushed row copied to
 * start a new one told it carries another row's Assembled ID (2.2 KiB);
 * 380.5 with a pushed row changed since checked as a new row, its change words saying what would stop
 * it being sent as it stands (0.4 KiB);
 * 380.6 with an Action beside a pulled table counted pushed only beside a Pushed at (0.1 KiB);
 * 381.6 with a refresh refused with HTTP 403 paused as a missing permission, not a refused key, and
 * its Resume saying the permission was not checked (1.0 KiB);
 * 381.8 with Replace chosen for an appending refresh saying all but its own period goes, whatever
 * put it there, and its question no longer repeating the note (0.2 KiB);
 * 382.0 with a retried run's card saying its next try is its last when no retry would follow it (0.2 KiB);
 * 382.1 with an edit of a refresh whose run is due keeping that run due, not skipping it (0.1 KiB);
 * 382.2 with an edit that changes the frequency keeping a due run its new times also have, and an
 * edit that resumes saying the runs missed while paused, as Resume does (0.1 KiB);
 * 382.3 with a sidebar pull's tries made by the hourly check, its sidebar closed, logged as they fail (0.1 KiB);
 * 382.4 with Sync time off checking a changed pushed row as Validate does, saying what would stop
 * it being sent as it stands (0.2 KiB);
 * 382.5 with what to clear to push a row as new said from one place for changed and copied rows
 * (0.1 KiB);
 * 382.8 with a refresh's run refused with HTTP 403 saying what happened in its owner's name, not a
 * pull's advice, and Remove key pausing a refresh paused for any key reason as wanting a key (0.3 KiB);
 * 383.1 with an add-on's hourly tick kept, not remade, when a job asks for a faster one (0.3 KiB);
 * 383.4 with a retried refresh's tries counted an hour apart from the one before, and its card's last
 * try the one the run is given up after, not its give-up time (0.3 KiB);
 * 383.6 with a failed refresh card's cause said in short beside "Why it failed" (0.2 KiB);
 * 384.7 with a row sorted off its status and edited too told the row it nearly holds and its edit,
 * not a change of agent against another row's status (1.1 KiB);
 * 383.2 with the entry points' forwarders written short and spreading their arguments, a status
 * cell's text, isDate and two-digit padding each written once, and the six GETs carrying a time sent
 * through one getWith (-1.5 KiB; zod's schemas swapped for stand-ins of our own, and our own edit
 * distance for fastest-levenshtein, would have saved 5 KiB more, but the libraries made for the job
 * stay);
 * 384.4 with an agent state's unknown platform a row to fix unless written new:, a near miss of a
 * state's name too, and a row to fix saying all its problems at once (1.2 KiB);
 * 384.9 with Sync time off writing at once the message of a row changed in the sheet since it was
 * pushed, and its summary counting such rows (0.5 KiB);
 * 385.5 with a row whose state or platform is a near miss read as written for the checks across
 * rows, so that it says its platform and overlap problems too (0.5 KiB);
 * 385.8 with a name written plainly naming the row that writes it new:, and a near miss of a name
 * the sheet writes new: taken for a typo of it (0.3 KiB);
 * 385.6 with a cell's text read by one cellText in the push code, not four copies (-0.2 KiB);
 * 386.1 with a sidebar pull's failed tries held in its job, to be logged before the first try the
 * hourly check logs once its sidebar is closed (0.5 KiB);
 * 386.4 with an association whose agent holds its ID already told "already in Assembled" and not
 * sent (0.3 KiB);
 * 387.0 with an agent-state or association row copied without its note told by its Pushed at
 * (0.6 KiB);
 * 387.6 with a push's wait on Assembled's rate limit said in its log row (0.6 KiB);
 * 388.9 with another editor's stalled push stoppable by the editor waiting on it (1.3 KiB);
 * 389.5 with Settings' Save asking Assembled only whether it takes the key and the times (one
 * page of agent states), a checkSettings of its own, not the whole Test connection (0.6 KiB);
 * 389.8 with a failed refresh's card saying what its sheet still holds (the last run that worked)
 * and its e-mail saying Run now and where its card is (0.4 KiB);
 * 390.0 with a copy's Pushed at matched to the minute, read from text too (0.2 KiB);
 * 390.6 with another editor's stopped push told truly: "no row was sent" before its rows were read,
 * its rows marked not sent by whoever stopped it, no "push again" once another push has ended
 * since, and one time for their hourly check to take it up (0.6 KiB);
 * 391.0 with a failed refresh's card saying its sheet holds the pull it was saved from, read from
 * the header note's "Generated:" time as the e-mail reads it, when no run of its own worked (0.4 KiB);
 * 391.3 with your push's other advice to push again (its list of rows gone, its outcomes not
 * written, rows changed during it) left out once another push of the sheet has ended since (0.3 KiB);
 * 391.6 with each pushed row's Push status note naming who pushed it, "Pushed by …" (0.3 KiB);
 * 392.3 with a platform ID held in Assembled by a row this sheet pushed naming that row and how to
 * free it there, and a new row beside a pushed one saying which to delete to send it (0.7 KiB);
 * 392.8 with Validate and Push naming time-off rows that go as whole days from an empty All day,
 * whose box looks like FALSE (0.5 KiB);
 * 393.0 with End not after Start said in one place, saying what to give when it equals Start (0.2 KiB);
 * 393.2 with an agent no one in Assembled is, near no one either, told to add them there (0.1 KiB);
 * 393.0 with a pull by interval over 31 days asked in parts of at most 31 days, not refused by
 * Assembled (-0.2 KiB, the warning it replaced was longer);
 * 393.4 with the Pull data form counting a range's clock changes in one line, "Clocks changed 24
 * times in this range …", not a sentence for each (0.4 KiB);
 * 393.7 with the least time a pull of many reports takes said before it, "This takes 8 minutes at
 * the least: …" (0.2 KiB);
 * 394.6 with a failed run's e-mail telling the dates its sheet still holds, from the header note's
 * Range line, "Not brought up to date: …", from those it never got, "Not pulled" (1.1 KiB; the
 * key pause's e-mail in one order of steps took 0.1 KiB off);
 * 395.9 with a run that ends after its next times naming in its log row and card the runs not
 * started meanwhile, and whether the next run pulls their dates (1.3 KiB);
 * 396.6 with the cell a pull's rows went to named as a formula names it, 'Handle time'!A1 (0.2
 * KiB), and a pull finding no rows over a range ahead saying that first, not blaming its filters
 * (0.5 KiB);
 * 396.8 with BigQuery named outside the quotes of its table's name in a pull's words, and a sidebar
 * pull's log row saying how long it waited between tries, in one betweenTriesWords (0.2 KiB);
 * 397.6 with a pull or refresh pressed after the spreadsheet's time zone changed refused with the
 * range or hour it would now take (0.6 KiB), and the Scheduled refreshes sidebar's key notice
 * through a getKeyNotice entry point (0.1 KiB);
 * 397.7 with a failed card's and e-mail's Run now hint only where the next run is over two hours
 * away (0.1 KiB);
 * 398.2 with a push's rows gone as whole days from an empty All day said in the past once sent,
 * only those that reached Assembled, and with nothing to tick (0.5 KiB);
 * 398.4 with a push's summary and log row counting the rows found in Assembled after an
 * interrupted send (0.2 KiB);
 * 398.6 with a failure e-mail naming where its cards are once, not at each step and at its foot
 * (0.1 KiB), and a given-up run's e-mail naming the runs not started while it was retried (0.1 KiB);
 * 398.7 with the Assembled log's When naming its UTC offset in each row's format, Settings naming
 * the zone and Test connection's time line in the words of Send times as (0.1 KiB together);
 * 398.9 with a background run no record names its spreadsheet for finding its own trigger by the
 * id it ran from, to remove it (0.2 KiB);
 * 399.6 with any editor's Pause and Remove of a refresh not theirs, said on its card and in the log
 * as theirs, Remove ending its run under way, and Resume and Edit refused to them by name (0.7 KiB);
 * 399.8 with another editor's card of a refresh paused for its sheet, the sheet restored since,
 * saying whom to ask to resume it in place of its owner's ways back (0.2 KiB);
 * 400.9 with pushed cells sorted beside a row not pushed held back, not sent a second time, and the
 * pushed row they left saying where they went, not to cancel its request (1.1 KiB);
 * 401.9 with the Push rows sidebar reopened after a push naming each row it listed where that row
 * is now, by its Push message read again, after rows inserted above or a sort (1.0 KiB);
 * 402.3 with a failed replace refresh's e-mail saying its next run pulls the dates it missed, when
 * it does, in place of "Not pulled … Run now" (0.4 KiB);
 * 402.4 with a pull's or refresh's log row naming its mode, "(Merge)" (0.1 KiB);
 * 402.5 with a state Assembled holds said to the second where a row overlaps it by seconds (0.1 KiB);
 * 402.7 with an Activities row typed twice held back alone, its first copy sent, as other kinds do
 * (0.2 KiB);
 * 402.9 with a window to clear that only cuts activities at its edges said so, not "remove 0
 * activities … and cut 1" (0.2 KiB);
 * 403.7 with a failed refresh's e-mail saying its sheet holds the dates it was to pull whole, when
 * they were pulled after they were over, in place of "Not brought up to date" (0.8 KiB);
 * 404.0 with a refresh card whose sheet was deleted leading with that, not an old failure, and
 * naming only the ways back it offers (0.3 KiB);
 * 405.6 with another editor's Pause or Remove of a refresh e-mailed to its owner (1.5 KiB), and a
 * run stopped by Pause after a failed one still saying the sheet holds the last good run (0.1 KiB);
 * 407.2 with what a person typed or pasted under Push status or Assembled ID kept, its row held
 * back with words saying how its cells look shifted, not written over (1.6 KiB);
 * 407.4 with ticket stats over several queues asked a report per queue from the start, not first
 * over every queue and thrown away (0.3 KiB);
 * 408.3 with Sync time off leaving a row whose Assembled ID or Push status the add-on did not write
 * as it is, not calling it deleted (0.8 KiB);
 * 409.0 with association rows that replace an agent's ID counted and named in Validate's and the
 * push's summaries (0.7 KiB);
 * 409.1 with the push's view carrying that count, so its summary is no all-clear green (0.1 KiB);
 * 409.2 with an Activities row the same as one pushed already held back, not sent to have Assembled
 * delete the first to place it (0.1 KiB);
 * 409.4 with a typed Assembled ID's words saying to delete a row made in Assembled by hand, not
 * clear the id and push it a second time (0.1 KiB);
 * 409.8 with two rows overlapping by under a minute said to the second, naming the other row's
 * time (0.4 KiB);
 * 410.0 with a row overlapping a state Assembled holds named by the cell inside it, Start or End,
 * not both (0.2 KiB);
 * 410.1 with a pull asked as several reports counting its time left down across them, where it
 * rose at every check of a report (0.1 KiB);
 * 410.2 with a mistyped Action said with the action meant ("did you mean "insert"?") (0.1 KiB);
 * 410.6 with later rows shifted as one before pointing at its words, not repeating them, and
 * Ctrl+Z named to take a shifted paste back (0.4 KiB);
 * 411.2 with a pull's reports (ticket stats per queue, a long range in parts) asked for together
 * and read one after another (0.5 KiB);
 * 411.3 with a Run now's owner told, on its card, who carries the run on and by when (0.1 KiB);
 * 412.2 with a push's rows not sent in the log's Status (0.1 KiB), and a pushed agent-state edit
 * whose Action alone changed, or that turned to delete, told what to do (0.8 KiB);
 * 412.7 with a failed refresh's line first in its sheet's note, an owner's Resume of a refresh
 * paused with a reason logged, and another editor's Pause saying the owner was e-mailed (0.5 KiB);
 * 414.0 with a Fixed dates year outside 2000 to 2099 refused (0.3 KiB), a range ahead said in its
 * source's words (0.8 KiB), an append said below the table, and filters said by name (0.3 KiB);
 * 414.8 with a refresh following its sheet back after the deleter's Undo (0.7 KiB), and a row to
 * send again told its Pushed at is an earlier push's (0.1 KiB);
 * 415.1 with a Run now given up in the background e-mailed, and log rows that are no run left
 * blank in Rows and Duration (0.3 KiB);
 * 415.5 with a long range's reports worked out by buckets, not days (0.1 KiB less), years under
 * 100 read as themselves, and the form counting a report per queue (0.4 KiB);
 * 416.2 with a replace refresh's card and run saying the notes typed beside its table stay by row
 * number while each run writes new rows (0.7 KiB);
 * 416.8 with a push stopped by a refused key keeping each row's last found problem (0.1 KiB), a
 * refused key said as every sidebar opens (0.3 KiB), and lost answers' rows said in brackets (0.2 KiB);
 * 417.0 with a replace refresh's notes beside its table learnt at save and at each run, kept on
 * its record, so its card reads no sheet (0.2 KiB);
 * 418.4 with a Replace over a table of other data asked about first (0.6 KiB), and reports of
 * Assembled's UTC buckets asked for the range's dates as UTC dates, no month cut at an end (0.7 KiB);
 * 419.1 with the time spent waiting for answers Assembled never gave said as a pull or push
 * ends (0.7 KiB);
 * 419.8 with a new time-off row over an emptied pushed row's time held back (0.5 KiB), and time
 * off in the past pushed with a word on it (0.2 KiB);
 * 420.1 with a data sheet the add-on makes placed before the Assembled log while the log is the
 * last tab, and the mixing rules shared with Pull data's hint (0.2 KiB);
 * 421.3 with a replace of Assembled's UTC buckets writing Start and End as the UTC dates they are
 * (1.0 KiB), and a range that runs past now saying where its last row ends (0.3 KiB);
 * 421.4 with a refresh paused for its owner's key (none saved, removed, or refused) logged as the
 * pause it is (0.1 KiB);
 * 421.5 with a deleted sheet's ways back said once, Undo first, on every editor's card and in
 * its owner's e-mail (0.1 KiB);
 * 423.1 with namesakes told apart by e-mail in Activities, the live timeline and the schedule
 * grid (0.1 KiB), an ID cell holding a formula as text held back and time off created in the past
 * keeping its word after Push (0.8 KiB), and a sidebar's BigQuery load answering between its
 * jobs, so Stop is seen during it (0.6 KiB);
 * 424.6 with a BigQuery table marked with what it holds, so an append or merge of other data is
 * refused, a Replace into a table laid out for other rows swapping it whole, and empty dataset or
 * table names said as such (1.5 KiB);
 * 425.0 with the condensed timeline's own note, filters named when nothing matched days ahead,
 * a channel said as the agents on it, and one agent said as one (0.5 KiB);
 * 425.4 with a table a pull wrote beside the user's cells found by its header note anywhere in
 * row 1, so Push refuses it as it does a whole pulled sheet (0.3 KiB);
 * 426.5 with Stop during a BigQuery load checking what its cancelled jobs did and saying what the
 * table holds: rows appended so far, nothing, or all of them too late to stop (1.1 KiB);
 * 426.7 with a test key called a test key (0.1 KiB);
 * 427.0 with Push naming a pulled table in row 1 that lacks the chosen kind's columns, not asking
 * for a column to be added to it (0.3 KiB);
 * 427.5 with a BigQuery table the pull made dropped again when it stops or fails before a row
 * lands, and its loading words saying the table is new (0.5 KiB);
 * 427.6 with a sidebar's BigQuery load waiting on its jobs and going on to the next chunk while
 * its turn lasts, not one chunk a call (0.1 KiB);
 * 428.1 with the time off template's All day boxes inserted unticked (FALSE) and read as such, an
 * empty row of unticked boxes, and a failed Sync time off removing the sheet it made (0.5 KiB);
 * 428.9 with Stop heard once the pull was done saying it came too late, its log row restated (0.9 KiB);
 * 429.4 with a sidebar's BigQuery load answering as its first job starts, and a merge or replace
 * saying when its final statement runs (0.4 KiB);
 * 429.5 with the progress's count of a BigQuery pull's rows called Rows loaded, not written (0.1 KiB);
 * 429.3 with an unticked All day box read as whole days for dates alone, FALSE as empty, its
 * midnight-to-midnight words gone (-0.2 KiB);
 * 429.4 with Sync time off's All day changed in Assembled said as the box shows, ticked or not,
 * there and when pushed (0.1 KiB);
 * 430.8 with Scheduled refreshes' shared-sheet words: a failed refresh's sheet pulled since said
 * as that pull's rows and its red tab given back, no Run now when nothing is missing, Resume alone
 * left once a key is saved after a key pause, and the no-key notice over others' refreshes (1.4 KiB);
 * 433.1 with activity rows sent in the order Assembled needs (a read of what it holds; times swapped
 * refused at Validate), an activity Assembled no longer holds said so, and overlapped activities
 * said deleted whole (2.3 KiB);
 * 433.3 with an overlap of two rows naming only the Allow conflicts box left to tick (0.2 KiB);
 * 433.6 with a pull stopped or failed saying the rows it had loaded or written so far never reached
 * its table or sheet, where its figure fell to a bare "none" (0.3 KiB);
 * 434.5 with a failed refresh's kept rows said alike on its card and in its e-mail (keptRows), by
 * whom and how many, counted from the pull a refresh was saved on, and rows pulled since a failure
 * said as pulled (0.9 KiB);
 * 435.1 with a key Assembled refused at one refresh's run pausing all of its owner's refreshes in
 * the spreadsheet, named in that run's one e-mail (pauseForKey, shared with Remove key) (0.6 KiB);
 * 436.5 with an activity row waiting on a refused row held back (activity-order.ts waitsOn, sent a
 * rank at a time) 1.2, a state Assembled no longer holds said as an activity's (gone-record.ts),
 * the pause e-mail's kept rows said through keptRows, a renamed sheet's Edit kept, and a pulled
 * states sheet refused whole for ingest (1.4 KiB together);
 * 436.7 with a row held back for a refused row noted as never sent, and Validate saying it waits
 * on that row while it stands refused (0.2 KiB);
 * 437.5 with Push asking before association rows replace an agent's platform ID, Validate's
 * summary naming rows that send a state or platform Assembled does not know (as-written.ts), and
 * overlaps listing their rows as a sentence does (0.8 KiB together);
 * 438.1 with a pull saying its wait for answers that never came as it reads, and asking in
 * halved batches after one is lost to a timeout (batch-size.ts, kept on the job) (0.6 KiB);
 * 439.1 with Push's question naming each replaced ID, its finish counting names Assembled does
 * not know, a refresh paused with another naming the run its key was refused at (pausedWith), and
 * Resume of a failed refresh offering Run now (1.0 KiB together);
 * 439.2 with Push reading row 1's notes before a sheet's rows only for the kinds a pull is refused
 * as whole, not on every Validate and push run (REFUSED_WHOLE) (60 bytes);
 * this budget stops growth meanwhile.
 */
const CODE_BUDGET_KIB = 439.2;

const ENTRY_POINTS = [
  'onOpen',
  'onInstall',
  'onDispatchTrigger',
  'showPullSidebar',
  'showRefreshesSidebar',
  'showSettingsSidebar',
  'getSettings',
  'saveSettings',
  'testConnection',
  'startPull',
  'pollPull',
  'listRefreshes',
];

describe('the built bundle', () => {
  it('declares every entry point as a top-level function that Apps Script can find', () => {
    for (const name of ENTRY_POINTS) expect(code).toMatch(new RegExp(`^function ${name}\\(\\) \\{`, 'm'));
  });

  it('exposes every entry point when loaded by the runtime, and nothing else is callable', () => {
    const rt = createRuntime({ buildDir: build });
    for (const name of ENTRY_POINTS) {
      expect(rt.run(name).error?.message ?? '').not.toMatch(/Script function not found/);
    }
    expect(rt.run('pullDeps').error?.message).toBe('Script function not found: pullDeps');
  });

  it('onOpen in AuthMode.NONE builds the menu without touching Properties or the network', () => {
    const rt = createRuntime({ buildDir: build });
    const r = rt.runAsTrigger('onOpen', { authMode: 'NONE' });
    expect(r.error).toBeUndefined();
    expect(rt.counters.properties.calls).toBe(0);
    expect(rt.counters.properties.denied).toBe(0);
    expect(rt.counters.urlfetch.calls).toBe(0);
    const menu = rt.ui.menus[0];
    expect(menu?.addon).toBe(true);
    expect(
      menu?.items.filter((i) => i.type === 'item').map((i) => (i.type === 'item' ? i.caption : '')),
    ).toEqual(['Pull data…', 'Push rows…', 'Scheduled refreshes…', 'Settings…']);
  });

  it('every menu item opens its sidebar from the built HTML', () => {
    const rt = createRuntime({ buildDir: build });
    rt.runAsTrigger('onOpen', { authMode: 'FULL' });
    for (const [caption, file] of [
      ['Pull data…', 'pull'],
      ['Push rows…', 'push'],
      ['Scheduled refreshes…', 'refreshes'],
      ['Settings…', 'settings'],
    ] as const) {
      const r = rt.ui.click(caption);
      expect(r.error).toBeUndefined();
      expect(rt.ui.sidebar?.file).toBe(`${file}.html`);
      expect(rt.ui.sidebar?.html).toContain('<script>');
      expect(rt.ui.sidebar?.html).not.toMatch(/<script src=|<link /);
    }
  });

  it('has a manifest clasp can push: V8, explicit scopes, the API host whitelisted', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.addOns).toBeUndefined();
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/script.external_request');
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets');
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/userinfo.email');
    expect(manifest.urlFetchWhitelist).toEqual(['https://api.assembledhq.com/']);
  });

  it('builds no zod schema when it loads: an execution builds only the schemas it uses', () => {
    // Apps Script loads the bundle on every execution; the probe counts zod schemas as they are built.
    const probe = `var schemas = 0, define = Object.defineProperty;
Object.defineProperty = function (o, k, d) { if (k === '_zod') schemas++; return define(o, k, d); };`;
    const dir = mkdtempSync(join(tmpdir(), 'bundle-probe-'));
    try {
      copyFileSync(join(build, 'appsscript.json'), join(dir, 'appsscript.json'));
      writeFileSync(
        join(dir, 'Code.js'),
        `${probe}\n${code}\nfunction schemasAtLoad() { return schemas; }
function schemasAfterParse() { try { previewRange({ kind: 'relative', preset: 'nonsense' }); } catch (e) {} return schemas; }`,
      );
      const rt = createRuntime({ buildDir: dir });
      expect(rt.run('schemasAtLoad').value).toBe(0);
      // The probe sees schemas being built: the date range's parse needed some.
      const afterParse = rt.run('schemasAfterParse');
      expect(afterParse.error).toBeUndefined();
      expect(afterParse.value).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it(`stays within its budget of ${CODE_BUDGET_KIB} KiB`, () => {
    expect(Buffer.byteLength(code) / 1024).toBeLessThanOrEqual(CODE_BUDGET_KIB);
  });

  it('is ES2020 for the V8 runtime and does not bundle the full zod', () => {
    expect(code).not.toMatch(/\?\?=|\|\|=|&&=/);
    // zod/mini's schemas are ZodMini*; the full zod would bring ZodObject, ZodString and friends.
    expect(code).toMatch(/ZodMiniObject/);
    expect(code).not.toMatch(/(?<![$\w])(ZodObject|ZodString)\b/);
    // Nor a zod locale: validation.ts words every issue itself.
    expect(code).not.toMatch(/Too small: expected|Invalid input: expected/);
  });
});

describe('the built sidebars', () => {
  it('use no browser dialogs: the sandboxed sidebar frame may ignore confirm(), returning false', () => {
    for (const page of ['pull', 'push', 'refreshes', 'settings']) {
      const html = readFileSync(join(build, `${page}.html`), 'utf8');
      expect(html.match(/\b(?:window\.)?(?:confirm|alert|prompt)\(/g) ?? [], page).toEqual([]);
    }
  });

  it('bring no zod where they parse nothing: their words come from modules without schemas', () => {
    // Settings once took its saved-key words from settings.ts, and zod came along: 14 → 32 KiB. Pull
    // takes words and helpers from modules that hold schemas too: made pure (lazy.ts), they stay out.
    for (const page of ['pull', 'push', 'refreshes', 'settings']) {
      expect(readFileSync(join(build, `${page}.html`), 'utf8'), page).not.toContain('_zod');
    }
  });
});
