/*
 * qisite learning record: what a member of staff marks as done or in progress,
 * kept in this browser's localStorage only. Nothing here sends data anywhere.
 *
 * Record, under a key of the academy's own (qisite.learning-record.v1:<academy id>),
 * so that academies served from one web address keep their records apart:
 *   {"schema": 1,
 *    "modules": {"<module id>": {"state": "done" | "in-progress", "date": "YYYY-MM-DD"}},
 *    "courses": {"<IHI code>": {"state": "done", "date": "YYYY-MM-DD"}}}
 *
 * The academy comes from window.qisiteAcademy (academy.js, written by the build): its id,
 * {former id: id} and where its catalogue is (learning-data.js: pathways, modules, courses).
 * Earlier versions kept one record for every academy under qisite.learning-record.v1;
 * on the first visit to this academy, its module entries move from there to its own
 * record (the rest stay for the other portals; IHI courses, which are everyone's, are
 * copied). An entry under a former id moves to the module's current id when read.
 *
 * Relies only on the DOM contract: [data-qisite-pathway] containing
 * [data-qisite-module], [data-qisite-module-page], [data-qisite-ihi] links,
 * and the My learning page's [data-qisite-my-learning]. Every word it shows comes from
 * window.qisiteWords (words.js, written by the build in the academy's language).
 */
(function () {
  "use strict";

  var SHARED_KEY = "qisite.learning-record.v1";
  var ACADEMY = window.qisiteAcademy && typeof window.qisiteAcademy.id === "string" ? window.qisiteAcademy : null;
  var KEY = ACADEMY ? SHARED_KEY + ":" + ACADEMY.id : SHARED_KEY;
  var SCRIPT_ADDRESS = document.currentScript && document.currentScript.src; // this bundle's
  var SCHEMA = 1;
  var STATES = { done: "done", "in-progress": "inProgress" }; // state -> key of its word
  var ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$/;
  var DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
  var MAX_IMPORT_BYTES = 1024 * 1024;
  var captionsMade = 0; // for a caption id where the page gives none
  var memory = null; // used when the browser refuses localStorage (e.g. some private modes)

  function say(key, values) { return window.qisiteWords.say(key, values); }
  function count(key, n, values) { return window.qisiteWords.count(key, n, values); }
  function stateName(state) { return say(STATES[state]); }

  /* ---------- the record ---------- */

  /** Maps keyed by ids have no prototype, so an id such as "constructor" is only an id. */
  function idMap() {
    return Object.create(null);
  }

  function own(map, id) {
    return Object.prototype.hasOwnProperty.call(map, id) ? map[id] : undefined;
  }

  function emptyRecord() {
    return { schema: SCHEMA, modules: idMap(), courses: idMap() };
  }

  function today() {
    var d = new Date();
    function pad(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function cleanEntries(raw) {
    var out = idMap();
    var skipped = 0;
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return { entries: out, skipped: 0 };
    Object.keys(raw).forEach(function (id) {
      var entry = raw[id];
      if (ID_PATTERN.test(id) && entry && typeof entry === "object" &&
          Object.prototype.hasOwnProperty.call(STATES, entry.state) &&
          typeof entry.date === "string" && DATE_PATTERN.test(entry.date)) {
        out[id] = { state: entry.state, date: entry.date };
      } else {
        skipped += 1;
      }
    });
    return { entries: out, skipped: skipped };
  }

  /** True if ``record`` (a file's) is this academy's, names none, or the learner agrees
   * to add another academy's entries to this one's record. */
  function sameAcademy(record) {
    if (!ACADEMY || !record.academy || record.academy === ACADEMY.id) return true;
    var theirs = record.academyName || record.academy;
    return window.confirm(say("confirmOtherAcademy", { academy: theirs, ours: ACADEMY.name }));
  }

  /** A clean copy of a record, or an Error saying why it is not one. */
  function checkRecord(raw) {
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
      return new Error(say("notARecord"));
    }
    if (raw.schema !== SCHEMA) {
      return new Error(say("otherVersion", { schema: SCHEMA }));
    }
    var modules = cleanEntries(raw.modules);
    var courses = cleanEntries(raw.courses);
    var record = { schema: SCHEMA, modules: modules.entries, courses: courses.entries };
    record.skipped = modules.skipped + courses.skipped;
    // Which academy a saved file came from: shown in words only, never as HTML.
    if (typeof raw.academy === "string") record.academy = raw.academy.slice(0, 100);
    if (typeof raw.academyName === "string") record.academyName = raw.academyName.slice(0, 200);
    return record;
  }

  /** Moves entries under a former id to the module's current id (the later mark wins). */
  function applyRenames(record) {
    var renamed = ACADEMY && ACADEMY.renamed ? ACADEMY.renamed : {};
    var changed = false;
    Object.keys(record.modules).forEach(function (id) {
      var to = own(renamed, id);
      if (typeof to !== "string" || to === id) return;
      var entry = record.modules[id];
      var mine = record.modules[to];
      delete record.modules[id];
      if (!mine || entry.date > mine.date) record.modules[to] = entry;
      changed = true;
    });
    return changed;
  }

  function load() {
    if (memory) return memory; // storage refused earlier: this page keeps the record meanwhile
    var text = null;
    try {
      text = window.localStorage.getItem(KEY);
    } catch (e) {
      return memory || emptyRecord();
    }
    if (!text) return emptyRecord();
    try {
      var record = checkRecord(JSON.parse(text));
      if (record instanceof Error) return emptyRecord();
      delete record.skipped;
      if (applyRenames(record)) save(record);
      return record;
    } catch (e) {
      return emptyRecord();
    }
  }

  /**
   * Once per academy and browser: this academy's module entries move out of the record
   * that earlier versions shared between every academy, into the academy's own record.
   * Nothing is lost: entries of other academies, and anything this script cannot read,
   * stay under the shared key as they were; IHI courses are copied, not moved.
   * Which module ids are this academy's (current, retired and former) comes from the
   * catalogue, which is loaded for it after the page's first paint: every page's script
   * need not carry them all for a move made once. A mark made meanwhile is kept: of two
   * marks of one module, the later stands.
   */
  var moveWaiting = false; // no record of this academy's own yet, and a shared one waits

  function sharedRecordWaits() {
    if (!ACADEMY) return false;
    try {
      return window.localStorage.getItem(KEY) === null && window.localStorage.getItem(SHARED_KEY) !== null;
    } catch (e) {
      return false;
    }
  }

  function moveFromSharedRecord() {
    var data = catalogue();
    if (!data) {
      var address = academyCatalogueAddress();
      var state = address ? own(catalogueLoads, address) : "failed";
      if (!state) loadCatalogue(address);
      if (state === "failed") moveWaiting = false; // left as it is; a later visit tries again
      return;
    }
    moveWaiting = false;
    var shared = null;
    try {
      shared = window.localStorage.getItem(SHARED_KEY);
    } catch (e) {
      return;
    }
    if (!shared) return;
    var raw;
    var clean;
    try {
      raw = JSON.parse(shared);
      clean = checkRecord(raw);
    } catch (e) {
      return;
    }
    if (clean instanceof Error) return;
    var ours = idMap();
    [data.modules, data.retired || {}, ACADEMY.renamed || {}].forEach(function (ids) {
      Object.keys(ids).forEach(function (id) { ours[id] = true; });
    });
    var moving = emptyRecord();
    var moved = Object.keys(clean.modules).filter(function (id) { return own(ours, id); });
    moved.forEach(function (id) { moving.modules[id] = clean.modules[id]; });
    Object.keys(clean.courses).forEach(function (code) { moving.courses[code] = clean.courses[code]; });
    applyRenames(moving);
    var record = load(); // empty, or what was marked since the page opened
    ["modules", "courses"].forEach(function (kind) {
      Object.keys(moving[kind]).forEach(function (id) {
        var mine = record[kind][id];
        if (!mine || moving[kind][id].date > mine.date) record[kind][id] = moving[kind][id];
      });
    });
    try {
      // Ours first: if the browser refuses it, the shared record is still whole.
      window.localStorage.setItem(KEY, JSON.stringify({ schema: SCHEMA, modules: record.modules, courses: record.courses }));
      if (moved.length) {
        moved.forEach(function (id) { delete raw.modules[id]; });
        window.localStorage.setItem(SHARED_KEY, JSON.stringify(raw));
      }
    } catch (e) {
      /* nothing else to do: the next visit tries again */
    }
  }

  function save(record) {
    var clean = { schema: SCHEMA, modules: record.modules, courses: record.courses };
    try {
      window.localStorage.setItem(KEY, JSON.stringify(clean));
      memory = null;
    } catch (e) {
      memory = clean;
      return false;
    }
    return true;
  }

  /** Removes this academy's record only. While an older shared record is still in this
   * browser, an empty record stays in its place, so that what was left there for other
   * academies (and copied from it) is not brought back on the next visit. */
  function clearRecord() {
    memory = null;
    moveWaiting = false; // what was cleared is not brought back from the shared record
    try {
      if (ACADEMY && window.localStorage.getItem(SHARED_KEY) !== null) {
        window.localStorage.setItem(KEY, JSON.stringify(emptyRecord()));
      } else {
        window.localStorage.removeItem(KEY);
      }
    } catch (e) { /* nothing stored */ }
  }

  function setEntry(kind, id, state) {
    var record = load();
    if (state) {
      record[kind][id] = { state: state, date: today() };
    } else {
      delete record[kind][id];
    }
    return save(record);
  }

  /** Entries from ``incoming`` are added; on a clash the later date wins (the file on a tie). */
  function merge(current, incoming) {
    var added = 0;
    ["modules", "courses"].forEach(function (kind) {
      Object.keys(incoming[kind]).forEach(function (id) {
        var mine = current[kind][id];
        var theirs = incoming[kind][id];
        if (!mine || theirs.date >= mine.date) {
          current[kind][id] = theirs;
          added += 1;
        }
      });
    });
    return added;
  }

  /* ---------- small DOM helpers: text nodes only, nothing parsed as HTML ---------- */

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") node.textContent = attrs[name];
      else node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function hidden(text) {
    return el("span", { "class": "qisite-visually-hidden", text: text });
  }

  function formatDate(iso) {
    var parts = iso.split("-");
    var date = new Date(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2]));
    return date.toLocaleDateString(window.qisiteWords.locale, { day: "numeric", month: "long", year: "numeric" });
  }

  function timeElement(iso) {
    return el("time", { datetime: iso, text: formatDate(iso) });
  }

  function announce(text) {
    var region = document.getElementById("qisite-live");
    if (!region) {
      region = el("div", { id: "qisite-live", "class": "qisite-visually-hidden", role: "status", "aria-live": "polite" });
      document.body.appendChild(region);
    }
    region.textContent = "";
    window.setTimeout(function () { region.textContent = text; }, 60);
  }

  /** Visible text of an element, without the permalink anchors MkDocs adds to headings. */
  function plainText(node) {
    var copy = node.cloneNode(true);
    copy.querySelectorAll(".headerlink, .qisite-mark").forEach(function (n) { n.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function nameOf(item, fallback) {
    var given = item.getAttribute("data-qisite-title");
    if (given) return given;
    return plainText(item.querySelector("h1, h2, h3, h4, a") || item) || fallback;
  }

  /* ---------- controls ---------- */

  /**
   * Gives a placeholder the build wrote its id and name, read from where it stands: a
   * course control follows its course's link; a module control sits in its module's card
   * (or row) or on its module's page. The build leaves them out because the page says
   * them already, and a long pathway would otherwise carry each one twice more.
   */
  function identify(group) {
    if (group.hasAttribute("data-qisite-id")) return;
    var id = "";
    var title = "";
    if (group.getAttribute("data-qisite-control") === "courses") {
      var link = group.previousElementSibling;
      if (link && link.hasAttribute("data-qisite-ihi")) {
        id = link.getAttribute("data-qisite-ihi");
        title = plainText(link);
      }
    } else {
      var item = group.closest("[data-qisite-module]");
      var page = group.closest("[data-qisite-module-page]");
      if (item) {
        id = item.getAttribute("data-qisite-module");
        title = nameOf(item, id);
      } else if (page) {
        id = page.getAttribute("data-qisite-module-page");
        title = pageTitle(page, id);
      }
    }
    group.setAttribute("data-qisite-id", id);
    group.setAttribute("data-qisite-name", title || id);
  }

  function pageTitle(page, fallback) {
    var h1 = document.querySelector("article h1, .md-content h1");
    return page.getAttribute("data-qisite-title") || (h1 && plainText(h1)) || fallback;
  }

  /**
   * Fills a control with its working buttons and status line. The build writes each
   * control as a placeholder carrying its kind, id and name (and plain buttons with the
   * visible words, which keep its room until now); controls made here for hand-written
   * pages carry the same. Module controls have Done and In progress, course controls Done.
   */
  function fillControl(group) {
    identify(group);
    var kind = group.getAttribute("data-qisite-control");
    var id = group.getAttribute("data-qisite-id");
    var title = group.getAttribute("data-qisite-name") || id;
    var states = kind === "modules" ? Object.keys(STATES) : ["done"];
    if (kind === "modules") {
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", say("myProgressOn", { title: title }));
    }
    var parts = states.map(function (state) {
      return el("button", {
        type: "button", "class": "qisite-mark__button", "aria-pressed": "false",
        "data-qisite-mark": state, "data-qisite-kind": kind, "data-qisite-id": id,
        "data-qisite-name": title
      }, [stateName(state), hidden(say("forTitle", { title: title }))]);
    });
    parts.push(el("span", { "class": "qisite-mark__status", "data-qisite-status": "", text: say("notStarted") }));
    group.replaceChildren.apply(group, parts);
    group.setAttribute("data-qisite-filled", "");
    return group;
  }

  function moduleControl(id, title) {
    return fillControl(el("div", {
      "class": "qisite-mark", "data-qisite-control": "modules", "data-qisite-id": id, "data-qisite-name": title
    }));
  }

  function courseControl(code, title) {
    return fillControl(el("span", {
      "class": "qisite-mark qisite-mark--course", "data-qisite-control": "courses",
      "data-qisite-id": code, "data-qisite-name": title
    }));
  }

  function progressBlock(pathwayId) {
    var labelId = "qisite-progress-label-" + pathwayId;
    var textId = "qisite-progress-text-" + pathwayId;
    return el("div", { "class": "qisite-progress", "data-qisite-progress": pathwayId }, [
      el("p", { id: labelId, "class": "qisite-progress__label", text: say("myProgressPathway") }),
      el("progress", { max: "1", value: "0", "aria-labelledby": labelId, "aria-describedby": textId }),
      el("p", { id: textId, "class": "qisite-progress__text", "data-qisite-progress-text": "" })
    ]);
  }

  /** The control already written by the build for this item, if there is one. */
  function builtControl(scope, kind, id) {
    var found = null;
    scope.querySelectorAll('[data-qisite-control="' + kind + '"]').forEach(function (group) {
      if (!found && group.getAttribute("data-qisite-id") === id) found = group;
    });
    return found;
  }

  /**
   * Pages the build wrote carry their progress bars and their controls' placeholders
   * already, hidden until now: the controls are filled in and all are shown in place, in
   * one go, and nothing moves. Pages that only follow the DOM contract (hand-written
   * ones) get them built here. My learning's lists are shown once they are filled
   * (renderLearning).
   */
  function enhance(root) {
    root.querySelectorAll("[data-qisite-control]").forEach(function (group) {
      if (!group.hasAttribute("data-qisite-filled")) fillControl(group);
    });
    root.querySelectorAll("[data-qisite-pathway]").forEach(function (pathway) {
      if (pathway.hasAttribute("data-qisite-enhanced")) return;
      pathway.setAttribute("data-qisite-enhanced", "");
      var pathwayId = pathway.getAttribute("data-qisite-pathway");
      var block = pathway.querySelector('[data-qisite-progress="' + pathwayId + '"]');
      if (!block) {
        block = progressBlock(pathwayId);
        // A list or table cannot hold a <div>: the bar then goes just before it.
        if (/^(OL|UL|TABLE|TBODY)$/.test(pathway.tagName)) pathway.parentNode.insertBefore(block, pathway);
        else pathway.insertBefore(block, pathway.firstChild);
      }
      pathway.qisiteProgress = block;
      pathway.querySelectorAll("[data-qisite-module]").forEach(function (item) {
        var id = item.getAttribute("data-qisite-module");
        if (builtControl(item, "modules", id)) return;
        var host = item.tagName === "TR" ? item.lastElementChild || item : item;
        host.appendChild(moduleControl(id, nameOf(item, id)));
      });
    });
    root.querySelectorAll("[data-qisite-module-page]").forEach(function (page) {
      if (page.hasAttribute("data-qisite-enhanced")) return;
      page.setAttribute("data-qisite-enhanced", "");
      var id = page.getAttribute("data-qisite-module-page");
      if (builtControl(page, "modules", id)) return;
      page.insertBefore(moduleControl(id, pageTitle(page, id)), page.firstChild);
    });
    root.querySelectorAll("a[data-qisite-ihi]").forEach(function (link) {
      if (link.hasAttribute("data-qisite-enhanced")) return;
      link.setAttribute("data-qisite-enhanced", "");
      var code = link.getAttribute("data-qisite-ihi");
      var next = link.nextElementSibling;
      if (next && next.getAttribute("data-qisite-control") === "courses" &&
          next.getAttribute("data-qisite-id") === code) return;
      link.insertAdjacentElement("afterend", courseControl(code, nameOf(link, code)));
    });
    root.querySelectorAll("[data-qisite-needs-record][hidden]").forEach(function (part) {
      if (!part.closest("[data-qisite-my-learning]")) part.hidden = false;
    });
  }

  function statusText(entry) {
    if (!entry) return say("notStarted");
    return say("stateOn", { state: stateName(entry.state), date: formatDate(entry.date) });
  }

  function pathwayCounts(record, moduleIds) {
    var done = 0;
    var started = 0;
    moduleIds.forEach(function (id) {
      var entry = record.modules[id];
      if (entry && entry.state === "done") done += 1;
      else if (entry && entry.state === "in-progress") started += 1;
    });
    return { done: done, started: started, total: moduleIds.length };
  }

  function countsText(counts) {
    var text = count("modulesDone", counts.total, { done: counts.done });
    if (counts.started) text = say("andInProgress", { counts: text, started: counts.started });
    return text;
  }

  /** The pathway's modules: all of them when the page is one part of a long pathway (the
   * build names them on it), else those the page lists. */
  function uniqueModules(pathway) {
    var named = pathway.getAttribute("data-qisite-modules");
    if (named) return named.split(" ");
    var seen = [];
    pathway.querySelectorAll("[data-qisite-module]").forEach(function (item) {
      var id = item.getAttribute("data-qisite-module");
      if (seen.indexOf(id) < 0) seen.push(id);
    });
    return seen;
  }

  function refreshControls(record) {
    document.querySelectorAll("[data-qisite-control]").forEach(function (group) {
      var entry = record[group.getAttribute("data-qisite-control")][group.getAttribute("data-qisite-id")];
      group.querySelectorAll("[data-qisite-mark]").forEach(function (button) {
        var pressed = !!entry && entry.state === button.getAttribute("data-qisite-mark");
        button.setAttribute("aria-pressed", pressed ? "true" : "false");
      });
      group.querySelector("[data-qisite-status]").textContent = statusText(entry);
    });
    document.querySelectorAll("[data-qisite-pathway][data-qisite-enhanced]").forEach(function (pathway) {
      var counts = pathwayCounts(record, uniqueModules(pathway));
      var block = pathway.qisiteProgress;
      var bar = block.querySelector("progress");
      bar.setAttribute("max", String(Math.max(counts.total, 1)));
      bar.setAttribute("value", String(counts.done));
      block.querySelector("[data-qisite-progress-text]").textContent = countsText(counts);
    });
  }

  /* ---------- the My learning page ---------- */

  /*
   * What the record is listed against (each pathway's modules, the titles and addresses
   * of modules and courses) is not in the page: at a thousand modules it would be most of
   * its weight. The build writes it to a script of its own (learning-data.js, setting
   * window.qisiteLearningData), whose address the page's data-qisite-my-learning gives.
   * It is loaded only when there is a record to list, after the page's first paint, by a
   * <script> element: that works from a plain folder too, where the Fetch API cannot
   * read file:// addresses. A reader who has marked nothing loads nothing more: the page the build wrote
   * already shows an empty record.
   */
  var catalogueLoads = idMap(); // address -> "loading" | "failed"

  function catalogue() {
    var data = window.qisiteLearningData;
    return data && typeof data === "object" && Array.isArray(data.pathways) &&
      data.modules && data.courses ? data : null;
  }

  /** The catalogue's address as academy.js gives it, from the folder of this script. */
  function academyCatalogueAddress() {
    if (!ACADEMY || typeof ACADEMY.catalogue !== "string" || !SCRIPT_ADDRESS) return null;
    try { return new URL(ACADEMY.catalogue, SCRIPT_ADDRESS).href; } catch (e) { return null; }
  }

  function catalogueAddress(page) {
    var given = page.getAttribute("data-qisite-my-learning");
    if (!given) return null;
    try { return new URL(given, document.baseURI).href; } catch (e) { return null; }
  }

  function hasMarks(record) {
    return Object.keys(record.modules).length > 0 || Object.keys(record.courses).length > 0;
  }

  /** Runs ``then`` once the page has painted: a task queued from an animation frame runs
   * after that frame is drawn. A hidden tab draws nothing, so there it runs at once. */
  function afterPaint(then) {
    if (document.visibilityState === "hidden") {
      window.setTimeout(then, 0);
      return;
    }
    window.requestAnimationFrame(function () { window.setTimeout(then, 0); });
  }

  function loadCatalogue(address) {
    catalogueLoads[address] = "loading";
    afterPaint(function () {
      var script = el("script", { src: address });
      function done(loaded) {
        script.remove();
        catalogueLoads[address] = loaded && catalogue() ? "loaded" : "failed";
        refresh();
      }
      script.onload = function () { done(true); };
      script.onerror = function () { done(false); };
      document.head.appendChild(script);
    });
  }

  function sortedEntries(entries) {
    return Object.keys(entries).map(function (id) {
      return { id: id, state: entries[id].state, date: entries[id].date };
    }).sort(function (a, b) {
      return a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1;
    });
  }

  /** A title as a link; without a catalogue, the id alone. */
  function titleLink(data, info, fallback) {
    if (!data) return el("span", { text: fallback });
    if (!info) return el("span", {}, [say("noLongerInCurriculum", { id: fallback })]);
    return el("a", { href: info.url, text: info.title });
  }

  /** A module's title as a link; a retired module's title and the date it was retired. */
  function moduleTitle(data, id) {
    if (!data) return titleLink(data, null, id);
    var retired = own(data.retired || idMap(), id);
    if (!own(data.modules, id) && retired) {
      return el("span", {}, [
        el("a", { href: retired.url, text: retired.title }), " ",
        say("retiredOn", { date: formatDate(retired.date) })
      ]);
    }
    return titleLink(data, own(data.modules, id), id);
  }

  /** A table in its own scrolling region, which the keyboard reaches and the caption names. */
  function entriesTable(captionId, caption, headings, rows) {
    var head = el("tr", {}, headings.map(function (h) { return el("th", { scope: "col", text: h }); }));
    var table = el("table", { "class": "qisite-table" }, [
      el("caption", { id: captionId, text: caption }),
      el("thead", {}, [head]),
      el("tbody", {}, rows.map(function (cells) {
        return el("tr", {}, cells.map(function (c) { return el("td", {}, [c]); }));
      }))
    ]);
    return el("div", { "class": "qisite-scroll", role: "region", tabindex: "0", "aria-labelledby": captionId }, [table]);
  }

  /** A table of marked entries (oldest first), or a sentence when there are none. */
  function showEntries(box, entries, caption, headings, cells, emptyText) {
    var rows = sortedEntries(entries).map(cells);
    var captionId = box.getAttribute("data-qisite-caption-id") || "qisite-caption-" + (captionsMade += 1);
    box.replaceChildren(rows.length ? entriesTable(captionId, caption, headings, rows) : el("p", { text: emptyText }));
  }

  /**
   * The pathways with something marked on them, each with its counts, as a list made from
   * the catalogue: the page carries no line per pathway (an academy may have hundreds).
   * Where none has anything marked, the box keeps the sentence the build wrote in it.
   */
  function showPathways(box, record, data) {
    var items = [];
    data.pathways.forEach(function (pathway) {
      var counts = pathwayCounts(record, pathway.modules);
      if (counts.done + counts.started === 0) return;
      var textId = "qisite-learning-count-" + pathway.id;
      items.push(el("li", { "data-qisite-learning-pathway": pathway.id }, [
        el("a", { href: pathway.url, text: pathway.name }),
        el("progress", {
          max: String(Math.max(counts.total, 1)), value: String(counts.done),
          "aria-label": say("progressOn", { pathway: pathway.name }), "aria-describedby": textId
        }),
        el("span", { id: textId, text: countsText(counts) })
      ]));
    });
    var old = box.querySelector(".qisite-learning-pathways");
    if (old) old.remove();
    Array.prototype.forEach.call(box.children, function (part) { part.hidden = items.length > 0; });
    if (items.length) box.appendChild(el("ul", { "class": "qisite-learning-pathways" }, items));
  }

  /**
   * Fills in My learning, then shows its lists. With marks to list and no catalogue yet,
   * it asks for the catalogue and waits (the lists keep their room, unseen); if the
   * catalogue cannot be had, the marks are listed by their ids, with no pathway counts.
   */
  function renderLearning(record) {
    var page = document.querySelector("[data-qisite-my-learning]");
    if (!page) return;
    var data = catalogue();
    var address = catalogueAddress(page);
    var failed = false;
    if (!data && hasMarks(record)) {
      var state = address ? own(catalogueLoads, address) : "failed";
      if (!state) loadCatalogue(address);
      if (state !== "failed") return;
      failed = true;
    }

    var list = page.querySelector("[data-qisite-learning-pathways]");
    // With nothing marked and no catalogue, the build's sentence stands: nothing marked.
    if (data) showPathways(list, record, data);

    var pathwaysOf = idMap();
    (data ? data.pathways : []).forEach(function (pathway) {
      pathway.modules.forEach(function (id) { (pathwaysOf[id] = pathwaysOf[id] || []).push(pathway.name); });
    });

    showEntries(page.querySelector("[data-qisite-learning-modules]"), record.modules,
      say("modulesCaption"),
      [say("moduleHeading"), say("statusHeading"), say("dateHeading"), say("pathwaysHeading")],
      function (e) {
        return [moduleTitle(data, e.id), stateName(e.state), timeElement(e.date),
          data ? (pathwaysOf[e.id] || []).join(", ") || say("noPathway") : ""];
      },
      say("noModulesMarked"));

    showEntries(page.querySelector("[data-qisite-learning-courses]"), record.courses,
      say("coursesCaption"),
      [say("codeHeading"), say("courseHeading"), say("statusHeading"), say("dateHeading")],
      function (e) {
        return [e.id, titleLink(data, data && own(data.courses, e.id), e.id), stateName(e.state),
          timeElement(e.date)];
      },
      say("noCoursesMarked"));

    var printed = page.querySelector("[data-qisite-printed-on]");
    if (printed) printed.replaceChildren(timeElement(today()));

    if (failed) { // counts unknown: the list is left out, and takes no room
      list.hidden = true;
      list.removeAttribute("data-qisite-needs-record");
    }
    page.querySelectorAll("[data-qisite-needs-record][hidden]").forEach(function (part) {
      part.hidden = false;
    });
    if (failed) tell(say("listUnavailable"));
  }

  function tell(text) {
    var message = document.querySelector("[data-qisite-learning-message]");
    if (message) message.textContent = text;
    announce(text);
  }

  function exportRecord() {
    var record = load();
    var payload = { schema: SCHEMA, exported: today(), modules: record.modules, courses: record.courses };
    if (ACADEMY) {
      payload.academy = ACADEMY.id;
      payload.academyName = ACADEMY.name;
    }
    var blob = new Blob([JSON.stringify(payload, null, 2) + "\n"], { type: "application/json" });
    var name = say("fileName", { academy: ACADEMY ? ACADEMY.id : "qisite", date: today() });
    var link = el("a", { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
    tell(say("savedToFile", { file: link.getAttribute("download") }));
  }

  function importFile(input) {
    var file = input.files && input.files[0];
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      tell(say("tooLarge", { file: file.name }));
      input.value = "";
      return;
    }
    file.text().then(function (text) {
      var incoming;
      try {
        incoming = checkRecord(JSON.parse(text));
      } catch (e) {
        incoming = new Error(say("notJson"));
      }
      if (incoming instanceof Error) {
        tell(say("nothingLoaded", { reason: incoming.message }));
        return;
      }
      if (!sameAcademy(incoming)) {
        tell(say("notMixed", { file: file.name }));
        return;
      }
      applyRenames(incoming);
      var record = load();
      var added = merge(record, incoming);
      var kept = save(record);
      refresh();
      var message = count("loaded", added, { file: file.name });
      if (incoming.skipped) message += " " + count("skipped", incoming.skipped);
      tell(kept ? message : message + " " + say("notKept"));
    }).finally(function () { input.value = ""; });
  }

  /* ---------- events (registered once; they survive instant navigation) ---------- */

  function onClick(event) {
    var target = event.target instanceof Element ? event.target : null;
    var button = target && target.closest("[data-qisite-mark]");
    if (button) {
      var kind = button.getAttribute("data-qisite-kind");
      var id = button.getAttribute("data-qisite-id");
      var state = button.getAttribute("data-qisite-mark");
      var wasPressed = button.getAttribute("aria-pressed") === "true";
      var kept = setEntry(kind, id, wasPressed ? null : state);
      refresh();
      var name = button.getAttribute("data-qisite-name") || id;
      var marked = wasPressed ? "markRemoved" : state === "done" ? "markedDone" : "markedInProgress";
      var text = say(marked, { name: name });
      var pathway = button.closest("[data-qisite-pathway]");
      if (pathway) {
        text += " " + say("thisPathway", { counts: countsText(pathwayCounts(load(), uniqueModules(pathway))) });
      }
      announce(kept ? text : text + " " + say("notKept"));
      return;
    }
    var action = target && target.closest("[data-qisite-action]");
    if (!action) return;
    var what = action.getAttribute("data-qisite-action");
    if (what === "print") window.print();
    if (what === "export") exportRecord();
    if (what === "clear" && window.confirm(say("confirmClear", { academy: ACADEMY ? ACADEMY.name : document.title }))) {
      clearRecord();
      refresh();
      tell(say("cleared"));
    }
  }

  function onChange(event) {
    var target = event.target;
    if (target instanceof HTMLInputElement && target.hasAttribute("data-qisite-import")) importFile(target);
  }

  function refresh() {
    if (moveWaiting) moveFromSharedRecord();
    var record = load();
    refreshControls(record);
    renderLearning(record);
  }

  function start() {
    if (!moveWaiting) moveWaiting = sharedRecordWaits();
    enhance(document);
    refresh();
  }

  if (!window.__qisiteLearningRecord) {
    window.__qisiteLearningRecord = true;
    document.addEventListener("click", onClick);
    document.addEventListener("change", onChange);
    window.addEventListener("storage", function (event) { if (event.key === KEY || event.key === null) refresh(); });
    window.qisiteOnPage(start);
  }
})();
