/* qisite: run a script's set-up on each page. Every script bundle starts with this file
   (after the words), so the scripts share one rule: Material's document$ when the theme
   has it (it fires again after instant navigation), else once the page is parsed. */
window.qisiteOnPage = window.qisiteOnPage || function (setUp) {
  "use strict";
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
};
