// Reads .ics files with Mozilla's ical.js (the parser inside Thunderbird) and
// prints, as JSON, each file's calendar properties and every event instance's UTC
// start and end with what a client shows or compares:
//   {"<file>": {"calendar": {"method": ..., "refreshInterval": "P1D", "publishedTtl": ...},
//               "events": [{"uid": ..., "start": "YYYY-MM-DDTHH:MM:SSZ", "end": ...,
//                           "status": ..., "summary": ..., "description": ..., "transp": ...,
//                           "sequence": 0, "lastModified": ..., "dtstamp": ...}]}}
// Usage: node expand.mjs WINDOW_END_YYYY-MM-DD FILE.ics [FILE.ics ...]
// Recurring events are expanded up to the window's end; RECURRENCE-ID
// overrides replace their instance. A TZID without its VTIMEZONE in the same
// file is an error (ical.js would quietly read the time as floating).
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const [windowEndText, ...files] = process.argv.slice(2);
const windowEnd = ICAL.Time.fromDateString(windowEndText);

function utc(time) {
  if (!time.isDate && time.zone === ICAL.Timezone.localTimezone) {
    throw new Error(`floating time ${time.toString()}: its TZID has no VTIMEZONE`);
  }
  return new Date(time.toUnixTime() * 1000).toISOString().replace(".000Z", "Z");
}

function instances(calendar) {
  const byUid = new Map();
  for (const vevent of calendar.getAllSubcomponents("vevent")) {
    const event = new ICAL.Event(vevent);
    const group = byUid.get(event.uid) ?? { master: null, exceptions: [] };
    if (event.isRecurrenceException()) group.exceptions.push(event);
    else group.master = event;
    byUid.set(event.uid, group);
  }
  const found = [];
  for (const [uid, { master, exceptions }] of byUid) {
    if (master === null) throw new Error(`${uid}: overrides without a master event`);
    for (const exception of exceptions) master.relateException(exception);
    const shown = (event) => {
      const value = (name) => event.component.getFirstPropertyValue(name);
      const stamp = (name) => (value(name) === null ? null : utc(value(name)));
      return {
        status: value("status"),
        summary: event.summary,
        description: event.description,
        transp: value("transp"),
        sequence: event.sequence,
        lastModified: stamp("last-modified"),
        dtstamp: stamp("dtstamp"),
      };
    };
    if (!master.isRecurring()) {
      found.push({ uid, start: utc(master.startDate), end: utc(master.endDate), ...shown(master) });
      continue;
    }
    const iterator = master.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) {
      if (next.compare(windowEnd) > 0) break;
      const details = master.getOccurrenceDetails(next);
      found.push({
        uid,
        start: utc(details.startDate),
        end: utc(details.endDate),
        ...shown(details.item),
      });
    }
  }
  return found;
}

const out = {};
for (const file of files) {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
  const text = (name) => {
    const value = calendar.getFirstPropertyValue(name);
    return value === null ? null : value.toString();
  };
  out[file] = {
    calendar: {
      method: text("method"),
      refreshInterval: text("refresh-interval"),
      publishedTtl: text("x-published-ttl"),
      name: text("x-wr-calname"),
    },
    events: instances(calendar),
  };
}
process.stdout.write(JSON.stringify(out));
