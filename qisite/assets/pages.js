/* qisite page behaviour: the "find your pathway" chooser and the print button.
   Everything here is an enhancement: without JavaScript the pages still list
   every pathway as plain links. No request ever leaves the site. Its words come from
   window.qisiteWords (words.js, written by the build in the academy's language). */
(function () {
  "use strict";

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
        option.setAttribute("data-qisite-audience", pathway.id); // whats-on.js keeps the choice
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

  function enhance() {
    document.querySelectorAll("[data-qisite-chooser]").forEach(setUpChooser);
    document.querySelectorAll("[data-qisite-print]").forEach(setUpPrint);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(enhance);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
