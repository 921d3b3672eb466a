// Says each <time data-local> in the reader's own zone, and says that it does. The server
// wrote the moment in the zone where it happens; that text stays as the title and after it.
// The sentence ("{when} your time ({place})") comes translated in this script's data-pattern.
(function () {
  var script = document.currentScript;
  var pattern = (script && script.getAttribute("data-pattern")) || "{when} your time ({place})";
  var lang = document.documentElement.lang || undefined;
  if (!window.Intl || !Intl.DateTimeFormat.prototype.formatToParts) return;
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  var place = zone.split("/").pop().replace(/_/g, " ");
  var year = new Date().getFullYear();
  document.querySelectorAll("time[data-local]").forEach(function (time) {
    var moment = new Date(time.getAttribute("datetime"));
    if (isNaN(moment) || time.hasAttribute("data-local-done")) return;
    var options = { weekday: "long", day: "numeric", month: "long", hour: "numeric", minute: "2-digit", timeZoneName: "short" };
    if (moment.getFullYear() !== year) options.year = "numeric";
    // A zone's short name where the language has one ("EDT"), never a bare offset ("GMT+9"):
    // the place already says which zone it is.
    var when = new Intl.DateTimeFormat(lang, options).formatToParts(moment).map(function (part) {
      return part.type === "timeZoneName" && /\d/.test(part.value) ? "" : part.value;
    }).join("").replace(/\s{2,}/g, " ").trim();
    var original = time.textContent;
    time.textContent = pattern.replace("{when}", when).replace("{place}", place);
    time.title = original;
    time.setAttribute("data-local-done", "");
    var where = document.createElement("span");
    where.className = "zone-text";
    where.textContent = " (" + original + ")";
    time.after(where);
  });
})();
