"""The XSS corpus (xss_payloads.txt) read into payloads that each call a marker of their
own when they fire, and the ways a test sees that one fired in Chromium: a console line
"XSS-<n>", a dialog, a request to /xss-marker/<n>, a page error, or markup in the page that
would run on a click, a hover or a focus (an on* attribute, a javascript: address, a frame)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import BrowserContext, ConsoleMessage, Dialog, Page, Request
from playwright.sync_api import Error as PlaywrightError

CORPUS = Path(__file__).with_name("xss_payloads.txt")
MARKER_PATH = "/xss-marker/"
# Nothing listens there (and Chromium does not refuse the port as it does 9, "discard"): a
# fired payload's request is seen, then fails.
MARKER_ORIGIN = "http://127.0.0.1:2"
_CONTROLS = {"{TAB}": "\t", "{LF}": "\n", "{CR}": "\r", "{NUL}": "\0"}
# Defined in every frame before the page's own scripts: a payload that runs says so.
MARKER_SCRIPT = "window.xss = (n) => console.log('XSS-' + n);"


@dataclass(frozen=True)
class Payload:
    number: int
    text: str  # with its marker filled in
    line: int  # in xss_payloads.txt

    def __str__(self) -> str:
        return f"payload {self.number} (xss_payloads.txt:{self.line}): {self.text!r}"


def fill(template: str, number: int) -> str:
    text = template.replace("{X}", f"xss({number})").replace("{N}", str(number))
    text = text.replace("{U}", f"{MARKER_ORIGIN}{MARKER_PATH}{number}")
    for token, character in _CONTROLS.items():
        text = text.replace(token, character)
    return text


def load(path: Path = CORPUS) -> list[Payload]:
    """Every payload of the corpus, numbered from 1 in file order."""
    found: list[Payload] = []
    for line_number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        found.append(Payload(len(found) + 1, fill(line, len(found) + 1), line_number))
    return found


PAYLOADS = load()

# Run in the page: markup that would run script on a click, hover, focus or later, which
# plain loading would not reveal. The site's own pages use none of it (its policy forbids
# inline script), so any of it comes from a payload that got through.
_SCAN = """() => {
  const found = [];
  const addresses = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'background',
                     'dynsrc', 'lowsrc', 'poster', 'srcset', 'codebase'];
  const scriptish = /^(javascript|vbscript|data:text|livescript):/i;
  const foreign = ['IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED', 'APPLET', 'BASE',
                   'BGSOUND', 'MARQUEE', 'ISINDEX', 'XSS'];
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toUpperCase();
    if (foreign.includes(tag)) found.push(`<${el.tagName.toLowerCase()}> element`);
    if (tag === 'META' && /refresh/i.test(el.getAttribute('http-equiv') || ''))
      found.push('<meta http-equiv=refresh>');
    if (tag === 'SCRIPT') {
      // Data (JSON-LD, json_script) may quote a payload; it must still parse whole.
      if (/json/i.test(el.type)) {
        try { JSON.parse(el.textContent) } catch (e) { found.push(`<script type=${el.type}> broken`) }
      } else if (/xss\\(/.test(el.textContent)) found.push('<script> with a payload');
    }
    for (const a of el.attributes) {
      const name = a.name.toLowerCase();
      const value = a.value.replace(/[\\u0000-\\u0020]/g, '');
      if (name.startsWith('on')) found.push(`${name} on <${el.tagName.toLowerCase()}>`);
      if (name === 'srcdoc') found.push(`srcdoc on <${el.tagName.toLowerCase()}>`);
      if (addresses.includes(name) && scriptish.test(value))
        found.push(`${name}="${a.value.slice(0, 60)}" on <${el.tagName.toLowerCase()}>`);
    }
  }
  return found;
}"""

_LOOK = f"""async ([wait, read]) => {{
  await new Promise((resolve) => setTimeout(resolve, wait));
  const shown = read ? document.querySelector(read) : null;
  return [({_SCAN})(), shown ? shown.innerText : null];
}}"""


@dataclass
class Trap:
    """What fired in one browser context's pages."""

    fired: list[str] = field(default_factory=list)

    def arm(self, context: BrowserContext) -> None:
        context.add_init_script(MARKER_SCRIPT)
        context.on("console", self._console)
        context.on("request", self._request)
        context.on("page", lambda page: page.on("dialog", self._dialog))

    def _console(self, message: ConsoleMessage) -> None:
        if "XSS-" in message.text:
            self.fired.append(f"{message.page and message.page.url}: console {message.text}")

    def _request(self, request: Request) -> None:
        if MARKER_PATH in request.url:
            self.fired.append(f"{request.frame.url}: asked for {request.url}")

    def _dialog(self, dialog: Dialog) -> None:
        self.fired.append(f"{dialog.page and dialog.page.url}: {dialog.type}({dialog.message})")
        dialog.dismiss()

    def inspect(self, page: Page) -> None:
        """Record markup in the page as it is now that would fire on a person's action."""
        for problem in page.evaluate(_SCAN):
            self.fired.append(f"{page.url}: {problem}")
        if len(page.frames) > 1:
            self.fired.append(f"{page.url}: {len(page.frames) - 1} frame(s) in the page")

    def look(self, page: Page, *, wait: int = 20, read: str = "") -> str:
        """inspect() after `wait` ms in the page (handlers of images that failed, animations
        that began), in one call to the browser, which also gives back the innerText of
        the element `read` selects (for a test that reads the page). A payload that took
        the page away meanwhile is recorded too."""
        try:
            found, text = page.evaluate(_LOOK, [wait, read])
        except PlaywrightError as error:
            self.fired.append(f"{page.url}: the page went away while it was looked at: {error}")
            return ""
        for problem in found:
            self.fired.append(f"{page.url}: {problem}")
        if len(page.frames) > 1:
            self.fired.append(f"{page.url}: {len(page.frames) - 1} frame(s) in the page")
        if read:
            assert text is not None, f"{page.url}: no {read}"
        return str(text or "")

    def check(self) -> None:
        assert not self.fired, f"{len(self.fired)} payload(s) fired:\n" + "\n".join(self.fired[:40])


def as_toml(value: str) -> str:
    """A TOML basic string holding `value` exactly (JSON's escapes are TOML's, save \\/)."""
    return json.dumps(value, ensure_ascii=False).replace("\\/", "/").replace("\x7f", "\\u007f")
