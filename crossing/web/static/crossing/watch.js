// `crossing serve --watch`: reload the page when a file under content/ changes.
// Only served when watching; a reader's page never carries it.
(() => {
  const script = document.currentScript;
  const url = script && script.dataset.watch;
  if (!url) return;
  let seen = null;
  const poll = async () => {
    try {
      const { changed } = await (await fetch(url, { cache: 'no-store' })).json();
      if (seen !== null && changed !== seen) {
        // Give the site a moment to read the edit before asking for the page again.
        setTimeout(() => location.reload(), 300);
        return;
      }
      seen = changed;
    } catch (_) { /* the server is restarting: try again */ }
    setTimeout(poll, 1000);
  };
  poll();
})();
