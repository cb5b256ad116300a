/* qisite sessions: hide sittings that have ended by the reader's clock, and filter the calendar.
 *
 * The page is built once and read for months, so "past" is decided here, in the
 * browser, from each sitting's <time datetime> data. Without this script every
 * sitting is listed with its date, and the filters stay hidden. Its words come from
 * window.qisiteWords (words.js, written by the build in the academy's language).
 */
(function () {
  "use strict";

  // A sitting has passed when its end (the last <time datetime> in it) is before now.
  function isPast(item, now) {
    var times = item.querySelectorAll(".qisite-session-when time[datetime]");
    if (!times.length) return false;
    var end = Date.parse(times[times.length - 1].getAttribute("datetime"));
    return !isNaN(end) && end <= now;
  }

  function matches(item, filters) {
    return filters.every(function (filter) {
      var wanted = filter.value;
      if (!wanted) return true;
      var have = item.getAttribute("data-" + filter.getAttribute("data-qisite-filter")) || "";
      if (filter.getAttribute("data-qisite-filter") === "format") {
        return have === wanted || have === "hybrid";
      }
      return have.split(" ").indexOf(wanted) !== -1;
    });
  }

  // "Past:" before the title of a sitting shown after it ended (the calendar's switch).
  function pastLabel(item) {
    var heading = item.querySelector("h2, h3, h4, h5, h6");
    if (!heading) return null;
    var label = document.createElement("span");
    label.className = "qisite-past-label";
    label.textContent = window.qisiteWords.say("pastLabel") + " ";
    heading.insertBefore(label, heading.firstChild);
    return label;
  }

  function update(list, now, showPast, filters) {
    var shown = 0;
    list.querySelectorAll("[data-qisite-occurrence]").forEach(function (item) {
      var past = isPast(item, now);
      var label = item.querySelector(".qisite-past-label");
      if (past && showPast && !label) label = pastLabel(item);
      if (label) label.hidden = !past;
      item.hidden = (past && !showPast) || !matches(item, filters);
      if (!item.hidden) shown += 1;
    });
    return shown;
  }

  function setUpList(list) {
    if (list.closest("[data-qisite-calendar]")) return;
    var shown = update(list, Date.now(), false, []);
    var none = list.parentElement.querySelector("[data-qisite-sessions-none]");
    if (none) none.hidden = shown > 0;
  }

  function setUpCalendar(calendar) {
    if (calendar.hasAttribute("data-qisite-ready")) return;
    calendar.setAttribute("data-qisite-ready", "");
    var form = calendar.querySelector("[data-qisite-calendar-filters]");
    var filters = Array.prototype.slice.call(calendar.querySelectorAll("[data-qisite-filter]"));
    var showPast = calendar.querySelector("[data-qisite-show-past]");
    var status = calendar.querySelector("[data-qisite-calendar-status]");
    var months = calendar.querySelectorAll("[data-qisite-month]");

    function refresh() {
      var now = Date.now();
      var total = 0;
      months.forEach(function (month) {
        var shown = 0;
        month.querySelectorAll("[data-qisite-sessions]").forEach(function (list) {
          shown += update(list, now, showPast && showPast.checked, filters);
        });
        month.hidden = shown === 0;
        total += shown;
      });
      if (status) {
        var words = window.qisiteWords;
        var shown = words.count("sessionsShown", total);
        if (!(showPast && showPast.checked)) shown = words.say("upcomingOnly", { shown: shown });
        status.textContent = words.say(total === 0 ? "noneMatch" : "statusSentence", { shown: shown });
      }
    }

    offerAudiences(calendar);

    // Filters named in the address (?audience=...: a pathway page links its audience's
    // sittings so) are chosen when the page offers them, and the choice travels on.
    var asked = new URLSearchParams(window.location.search);
    filters.forEach(function (filter) {
      var wanted = asked.get(filter.name);
      if (!wanted) return;
      Array.prototype.forEach.call(filter.options, function (option) {
        if (option.value === wanted) filter.value = wanted;
      });
    });

    function keepInAddress() {
      var query = chosenQuery(filters);
      carryQuery(calendar, query);
      try {
        var address = window.location.pathname + query + window.location.hash;
        window.history.replaceState(window.history.state, "", address);
      } catch (e) {
        // A page opened from a plain folder (file:) may not rewrite its address.
      }
    }

    if (form) {
      form.hidden = false;
      form.addEventListener("change", refresh);
      form.addEventListener("change", keepInAddress);
      form.addEventListener("submit", function (event) {
        event.preventDefault();
      });
    }
    refresh();
    carryQuery(calendar, chosenQuery(filters));
  }

  // The audience filter's choices are the same on every calendar page: the build writes
  // them once (window.qisiteCalendarChoices, in this script's bundle), not into each page.
  function offerAudiences(calendar) {
    var select = calendar.querySelector('select[data-qisite-filter="audiences"]');
    var choices = window.qisiteCalendarChoices;
    if (!select || !choices || select.options.length > 1) return;
    choices.audiences.forEach(function (audience) {
      select.add(new Option(audience[1], audience[0]));
    });
  }

  // "?audience=x&module=y" for the filters chosen, or "" for none.
  function chosenQuery(filters) {
    var query = new URLSearchParams();
    filters.forEach(function (filter) {
      if (filter.name && filter.value) query.set(filter.name, filter.value);
    });
    var text = query.toString();
    return text ? "?" + text : "";
  }

  // Links to other calendar pages take the filters along.
  function carryQuery(root, query) {
    root.querySelectorAll("[data-qisite-calendar-link], [data-qisite-month-link] a").forEach(function (link) {
      link.search = query;
    });
  }

  // The calendar's list of months passes on the filters it was opened with.
  function setUpMonths(months) {
    var query = new URLSearchParams(window.location.search);
    var kept = new URLSearchParams();
    ["audience", "module", "format"].forEach(function (name) {
      if (query.get(name)) kept.set(name, query.get(name));
    });
    var text = kept.toString();
    carryQuery(months, text ? "?" + text : "");
  }

  // Shared with whats-on.js, so that every page decides "past" the same way.
  window.qisiteSessions = { isPast: isPast };

  function setUp() {
    document.querySelectorAll("[data-qisite-calendar]").forEach(setUpCalendar);
    document.querySelectorAll("[data-qisite-calendar-months]").forEach(setUpMonths);
    document.querySelectorAll("[data-qisite-sessions]").forEach(setUpList);
  }

  window.qisiteOnPage(setUp);
})();
