/* qisite awareness: the What's on page, the bulletin snippet and printable posters.
 *
 * These pages are built once and read for months, so they hold the sittings ahead and
 * this script picks the coming weeks from the reader's clock, deciding "past" as the
 * calendar does (window.qisiteSessions, from calendar.js). The pathway a reader chose
 * (here or in the pathway chooser) is kept in this browser only, under one name, by
 * pages.js (window.qisitePathway); no request leaves the site. Words come from window.qisiteWords (words.js).
 */
(function () {
  "use strict";

  var WEEK = 7 * 24 * 60 * 60 * 1000;

  function words() { return window.qisiteWords; }
  function isPast(item, now) { return window.qisiteSessions.isPast(item, now); }

  function startOf(item) {
    var time = item.querySelector(".qisite-session-when time[datetime]");
    return time ? Date.parse(time.getAttribute("datetime")) : NaN;
  }

  function day(moment) {
    return new Date(moment).toLocaleDateString(words().locale, { day: "numeric", month: "long", year: "numeric" });
  }

  function setUpWhatsOn(root) {
    if (root.hasAttribute("data-qisite-ready")) return;
    root.setAttribute("data-qisite-ready", "");
    var weeks = Number(root.getAttribute("data-qisite-weeks")) || 8;
    var heldUntil = Date.parse(root.getAttribute("data-qisite-held-until"));
    var form = root.querySelector("[data-qisite-whats-on-form]");
    var select = root.querySelector("[data-qisite-whats-on-pathway]");
    var status = root.querySelector("[data-qisite-whats-on-status]");
    var none = root.querySelector("[data-qisite-sessions-none]");
    var note = root.querySelector("[data-qisite-held-note]");
    var items = root.querySelectorAll("[data-qisite-whats-on-list] [data-qisite-occurrence]");
    var stored = window.qisitePathway.stored(); // kept by pages.js, as the chooser keeps it
    if (select && stored) {
      Array.prototype.forEach.call(select.options, function (option) {
        if (option.value === stored) select.value = stored;
      });
    }

    function refresh() {
      var now = Date.now();
      var until = now + weeks * WEEK;
      var pathway = select ? select.value : "";
      var shown = 0;
      items.forEach(function (item) {
        var audiences = (item.getAttribute("data-audiences") || "").split(" ");
        var show = !isPast(item, now) && startOf(item) < until &&
          (!pathway || audiences.indexOf(pathway) !== -1);
        item.hidden = !show;
        if (show) shown += 1;
      });
      if (none) none.hidden = shown > 0;
      // The note on how far the page reaches matters only once the window passes it.
      if (note) note.hidden = !(until > heldUntil);
      var values = { shown: words().count("sessionsListed", shown), from: day(now), to: day(until) };
      if (pathway) {
        values.pathway = select.options[select.selectedIndex].text;
        status.textContent = words().say("whatsOnForPathway", values);
      } else {
        status.textContent = words().say("whatsOnAll", values);
      }
    }

    if (form) {
      form.hidden = false;
      form.addEventListener("submit", function (event) { event.preventDefault(); });
    }
    if (select) {
      select.addEventListener("change", function () {
        window.qisitePathway.keep(select.value);
        refresh();
      });
    }
    refresh();
  }

  /* The bulletin: the snippet of the coming weeks, assembled from the parts the build wrote. */
  function assemble(data, kind, chosen) {
    var parts = data[kind];
    if (!chosen.length) return parts.before + parts.none + parts.after;
    return parts.before + parts.listStart +
      chosen.map(function (item) { return item[kind]; }).join("") + parts.listEnd + parts.after;
  }

  function setUpBulletin(root) {
    if (root.hasAttribute("data-qisite-ready")) return;
    root.setAttribute("data-qisite-ready", "");
    var data;
    try {
      data = JSON.parse(root.getAttribute("data-qisite-bulletin"));
    } catch (e) {
      return; // the build's own snippet stays in place
    }
    var now = Date.now();
    var until = now + data.weeks * WEEK;
    var chosen = data.items.filter(function (item) {
      return Date.parse(item.end) > now && Date.parse(item.start) < until;
    });
    root.querySelector("[data-qisite-bulletin-html]").value = assemble(data, "html", chosen);
    root.querySelector("[data-qisite-bulletin-text]").value = assemble(data, "text", chosen);
    var built = root.querySelector("[data-qisite-bulletin-built]");
    if (built) built.hidden = true;
    var status = root.querySelector("[data-qisite-copy-status]");
    root.querySelectorAll("[data-qisite-copy]").forEach(function (button) {
      var box = document.getElementById(button.getAttribute("data-qisite-copy"));
      button.hidden = false;
      button.addEventListener("click", function () {
        box.focus();
        box.select();
        var done = function () { status.textContent = words().say("copied"); };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(box.value).then(done, function () {
            status.textContent = words().say("copyByHand");
          });
        } else {
          status.textContent = words().say("copyByHand");
        }
      });
    });
  }

  /* Posters: sittings that have ended go, and the first few of the rest are shown. */
  function setUpPoster(list) {
    if (list.hasAttribute("data-qisite-ready")) return;
    list.setAttribute("data-qisite-ready", "");
    var limit = Number(list.getAttribute("data-qisite-limit")) || 12;
    var more = Number(list.getAttribute("data-qisite-beyond")) || 0;
    var now = Date.now();
    var shown = 0;
    list.querySelectorAll("[data-qisite-occurrence]").forEach(function (item) {
      if (isPast(item, now)) {
        item.hidden = true;
      } else if (shown < limit) {
        item.hidden = false;
        shown += 1;
      } else {
        item.hidden = true;
        more += 1;
      }
    });
    var poster = list.closest("[data-qisite-poster]") || document;
    var moreLine = poster.querySelector("[data-qisite-poster-more]");
    if (moreLine) {
      moreLine.hidden = more === 0;
      if (more) moreLine.textContent = words().count("moreSessions", more);
    }
    var none = poster.querySelector("[data-qisite-sessions-none]");
    if (none) none.hidden = shown > 0;
  }

  function setUp() {
    document.querySelectorAll("[data-qisite-whats-on]").forEach(setUpWhatsOn);
    document.querySelectorAll("[data-qisite-bulletin]").forEach(setUpBulletin);
    document.querySelectorAll("[data-qisite-poster-list]").forEach(setUpPoster);
  }

  window.qisiteOnPage(setUp);
})();
