"""The browser tests' own guard: a request for another machine never leaves it (it fails at
the browser's proxy, NOWHERE), is recorded, and fails the test; the live site, on this
machine, is reached directly."""

from __future__ import annotations

from browser.conftest import ContextFactory, Watch

# Hosts of the documentation's own examples: a name (resolved by the proxy, never here)
# and an address (which no resolver could stop).
ELSEWHERE = ["http://example.org/image.png", "http://192.0.2.1/image.png"]


def test_a_request_for_another_machine_fails_and_is_recorded(
    site: str, new_context: ContextFactory, watch: Watch
) -> None:
    # The site's policy would stop these before the network: here the network is tested.
    page = new_context(bypass_csp=True).new_page()
    page.goto(f"{site}/sources/")  # the live site: on this machine, so not through the proxy
    failures: dict[str, str] = {}
    page.on("requestfailed", lambda request: failures.setdefault(request.url, request.failure))
    answered = page.evaluate(
        """async (addresses) => Promise.all(addresses.map((address) =>
             fetch(address, {mode: 'no-cors'}).then(() => 'answered', () => 'failed')))""",
        ELSEWHERE,
    )
    assert answered == ["failed", "failed"]
    assert sorted(failures) == sorted(ELSEWHERE)
    # Failed at the proxy: never sent to the network (a route's abort says net::ERR_FAILED).
    assert set(failures.values()) == {"net::ERR_PROXY_CONNECTION_FAILED"}, failures
    assert sorted(watch.outside()) == sorted(ELSEWHERE)
    watch.requests.clear()  # seen: the test's own requests, not the page's
