// Performa: after a refused submit, the error summary (#riepilogo-errori) has the focus. The page asks for it with
// `autofocus`, which needs no script; this file repeats it for browsers that ignore autofocus on a non-field, and
// makes each link of the summary put the cursor in the field it names (a plain #link only scrolls to it).
// Loaded as a file of this site, as the Content-Security-Policy requires (no inline scripts).
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("riepilogo-errori");
  if (!summary) return;
  if (document.activeElement !== summary && !summary.contains(document.activeElement)) summary.focus();
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    var field = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!field) return;
    event.preventDefault();
    field.scrollIntoView({ block: "center" });
    field.focus();
  });
});
