/* qisite page behaviour: the "find your pathway" chooser, the print button and the
   copy box of a calendar feed's address.
   Everything here is an enhancement: without JavaScript the pages still list
   every pathway as plain links. No request ever leaves the site. Its words come from
   window.qisiteWords (words.js, written by the build in the academy's language). */
(function () {
  "use strict";

  /* The reader's pathway, kept in this browser when they choose one, so that What's on
     (whats-on.js) can show their sessions first. Named on the privacy page. */
  var PATHWAY_KEY = "qisite.pathway.v1";
  window.qisitePathway = {
    stored: function () {
      try { return window.localStorage.getItem(PATHWAY_KEY) || ""; } catch (e) { return ""; }
    },
    keep: function (id) {
      try {
        if (id) window.localStorage.setItem(PATHWAY_KEY, id);
        else window.localStorage.removeItem(PATHWAY_KEY);
      } catch (e) { /* storage refused: the choice lasts as long as the page */ }
    }
  };

  function setUpChooser(root) {
    var form = root.querySelector("[data-qisite-chooser-form]");
    if (!form || form.dataset.qisiteReady) return;
    form.dataset.qisiteReady = "yes";
    var select = form.querySelector("select");
    var status = form.querySelector("[data-qisite-chooser-status]");
    var items = Array.prototype.slice.call(root.querySelectorAll(".qisite-pathway-list li"));
    var pathways = items.map(function (item) {
      var link = item.querySelector("a");
      return {
        id: item.getAttribute("data-qisite-audience") || "",
        groups: (item.getAttribute("data-qisite-groups") || "").split(" "),
        name: link.textContent,
        href: link.href
      };
    });

    function chosenGroup() {
      var checked = form.querySelector("input[type=radio]:checked");
      return checked ? checked.value : null;
    }

    function fillRoles() {
      var group = chosenGroup();
      var previous = select.value;
      while (select.options.length > 1) select.remove(1);
      var count = 0;
      pathways.forEach(function (pathway) {
        if (group && pathway.groups.indexOf(group) < 0) return;
        var option = new Option(pathway.name, pathway.href);
        option.setAttribute("data-qisite-audience", pathway.id);
        select.add(option);
        count += 1;
        if (option.value === previous) option.selected = true;
      });
      return count;
    }

    form.addEventListener("change", function (event) {
      if (event.target.type === "radio") {
        var count = fillRoles();
        var words = window.qisiteWords;
        var label = event.target.parentNode.textContent.trim().toLocaleLowerCase(words.locale);
        status.textContent = words.count("groupsListed", count, { staff: label });
      }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!select.value) {
        status.textContent = window.qisiteWords.say("chooseGroupFirst");
        select.focus();
        return;
      }
      var chosen = select.options[select.selectedIndex];
      window.qisitePathway.keep(chosen.getAttribute("data-qisite-audience"));
      window.location.assign(select.value);
    });
    fillRoles();
    form.hidden = false;
  }

  function setUpPrint(button) {
    if (button.dataset.qisiteReady) return;
    button.dataset.qisiteReady = "yes";
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  }

  // The copy box holds the feed's full address when the build knew the site's address
  // (site_url); otherwise it is filled here from the download link, which the browser
  // resolves against the page's own address. A page opened from a folder (file:) has
  // no address a calendar could fetch, so the box stays hidden there.
  function setUpCopy(box) {
    if (box.dataset.qisiteReady) return;
    box.dataset.qisiteReady = "yes";
    var input = box.querySelector("input");
    var button = box.querySelector("[data-qisite-copy]");
    var status = box.querySelector("[data-qisite-copy-status]");
    if (!input.value) {
      var download = box.parentNode.querySelector("a.qisite-feed-download");
      if (!download || !/^https?:$/.test(download.protocol)) return;
      input.value = download.href;
      var fallback = box.parentNode.querySelector("[data-qisite-copy-fallback]");
      if (fallback) fallback.hidden = true;
    }
    box.hidden = false;
    button.hidden = false;
    button.addEventListener("click", function () {
      var words = window.qisiteWords;
      input.focus();
      input.select();
      function selected() {
        status.textContent = words.say("addressSelected");
      }
      function copied() {
        status.textContent = words.say("addressCopied");
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(input.value).then(copied, selected);
        return;
      }
      // An intranet site served over http has no clipboard API; the older command
      // still copies the selection in the browsers trusts use.
      var done = false;
      try {
        done = document.execCommand("copy");
      } catch (error) {
        done = false;
      }
      if (done) copied();
      else selected();
    });
  }

  function enhance() {
    document.querySelectorAll("[data-qisite-chooser]").forEach(setUpChooser);
    document.querySelectorAll("[data-qisite-print]").forEach(setUpPrint);
    document.querySelectorAll("[data-qisite-feed-address]").forEach(setUpCopy);
  }

  window.qisiteOnPage(enhance);
})();
