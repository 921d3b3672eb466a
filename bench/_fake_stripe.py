"""A local HTTP server that answers as Stripe's API does, for exactly the calls Crossing's
payments make (crossing/web/screenings/payments/stripe.py), since the real Stripe cannot be
reached from here. The official `stripe` library talks to it unchanged: set
CROSSING_STRIPE_API_BASE to its address.

What it answers (form-encoded requests, JSON answers shaped like Stripe's objects, errors
shaped like Stripe's: `{"error": {"type", "code", "message", …}}`, HTTP 402 for card errors):

- POST /v1/customers
- POST /v1/checkout/sessions (mode "setup" or "payment"), GET /v1/checkout/sessions/<id>
  (with expand[]=setup_intent / payment_intent)
- POST /v1/payment_intents (off_session, confirm=true), GET /v1/payment_intents/<id>
- POST /v1/refunds

It honours Idempotency-Key as Stripe does: the same key (and the same parameters) gets the
same answer again, and nothing happens twice; the same key with other parameters is refused.

Its hosted "checkout page" is at each session's `url`: a test, or a person in a browser,
picks a test card there. Submitting completes the session, POSTs a signed
`checkout.session.completed` event to the webhook address (signed as Stripe signs:
`Stripe-Signature: t=<time>,v1=<HMAC-SHA256 of "<time>.<body>">`) and redirects to the
session's success_url. The cards behave as Stripe's test cards do off-session:

    4242 4242 4242 4242   saved, and charged later without a problem
    4000 0000 0000 9995   saved, declined later off-session (insufficient_funds)
    4000 0027 6000 3184   saved, later off-session the bank wants the person present
                          (authentication_required); paid present, it succeeds

Counters (for tests and the load harness): GET /_fake/counters answers JSON with the charges
made per idempotency key (and per metadata "reservation"), refunds, sessions, customers.

Run:  .venv/bin/python bench/_fake_stripe.py --port 12111 --webhook \\
          http://127.0.0.1:8000/screenings/payments/stripe/webhook/ --secret whsec_…
or in-process: `with running(webhook_url=…) as fake: fake.base` (see `FakeStripe`)."""

from __future__ import annotations

import argparse
import hashlib
import hmac
import html
import json
import re
import secrets
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

WEBHOOK_SECRET = "whsec_crossing_fake"
API_VERSION = "2025-10-29.clover"

# The test cards: what happens to each when charged off-session later.
SUCCEEDS = "4242424242424242"
DECLINES = "4000000000009995"
NEEDS_AUTHENTICATION = "4000002760003184"
CARDS = {
    SUCCEEDS: "Visa ending 4242: charged later without a problem",
    DECLINES: "Visa ending 9995: declined later (insufficient funds)",
    NEEDS_AUTHENTICATION: "Visa ending 3184: the bank wants the person present later",
}


def _id(prefix: str) -> str:
    return f"{prefix}_test_{secrets.token_hex(12)}"


def decode_form(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """Stripe's form encoding back to objects: `a[b][0][c]=v` → {"a": {"b": [{"c": "v"}]}}."""
    root: dict[str, Any] = {}
    for key, value in pairs:
        head, _, rest = key.partition("[")
        parts = [head] + (re.findall(r"\[([^\]]*)\]", "[" + rest) if rest else [])
        node: Any = root
        for index, part in enumerate(parts):
            last = index == len(parts) - 1
            following = None if last else parts[index + 1]
            empty: Any = (
                [] if following is not None and (following.isdigit() or not following) else {}
            )
            if isinstance(node, list):
                position = int(part) if part.isdigit() else len(node)
                while len(node) <= position:
                    node.append(None)
                if last:
                    node[position] = value
                else:
                    node[position] = node[position] if node[position] is not None else empty
                    node = node[position]
            else:
                if last:
                    node[part] = value
                else:
                    node = node.setdefault(part, empty)
    return root


def _flag(value: Any) -> bool:
    return str(value).lower() == "true"


def sign(payload: bytes, secret: str, timestamp: int | None = None) -> str:
    """The Stripe-Signature header Stripe sends with a webhook."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    signed = f"{timestamp}.".encode() + payload
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


class StripeFailure(Exception):
    def __init__(self, status: int, error: dict[str, Any]):
        super().__init__(error.get("message", ""))
        self.status = status
        self.error = error


def _invalid(message: str, *, param: str = "", status: int = 400) -> StripeFailure:
    error = {"type": "invalid_request_error", "message": message}
    if param:
        error["param"] = param
    return StripeFailure(status, error)


@dataclass
class FakeStripe:
    """The server's state: every object it made, and what tests and the load harness count."""

    webhook_url: str = ""
    webhook_secret: str = WEBHOOK_SECRET
    # Requests answered with a 500 (and Stripe-Should-Retry: false) while above 0.
    failures: int = 0
    port: int = 0
    customers: dict[str, dict[str, Any]] = field(default_factory=dict)
    sessions: dict[str, dict[str, Any]] = field(default_factory=dict)
    setup_intents: dict[str, dict[str, Any]] = field(default_factory=dict)
    payment_methods: dict[str, dict[str, Any]] = field(default_factory=dict)
    payment_intents: dict[str, dict[str, Any]] = field(default_factory=dict)
    refunds: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Idempotency-Key → (parameters, status, answer): the same key is answered the same.
    answers: dict[str, tuple[dict[str, Any], int, dict[str, Any]]] = field(default_factory=dict)
    # One request at a time per key: the same charge sent twice at once is made once.
    key_locks: dict[str, threading.Lock] = field(default_factory=dict)
    # Each charge attempted (one per distinct idempotency key), by that key and by the
    # metadata's "reservation" when there is one.
    charges: Counter[str] = field(default_factory=Counter)
    charges_by_reservation: Counter[str] = field(default_factory=Counter)
    requests: list[tuple[str, str]] = field(default_factory=list)
    # The events sent (or that would have been, without a webhook address): (body, header).
    events: list[tuple[bytes, str]] = field(default_factory=list)
    webhook_answers: list[int] = field(default_factory=list)
    redelivery_delays: tuple[float, ...] = (0.5, 1, 2, 4, 8, 16)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def counters(self) -> dict[str, Any]:
        with self.lock:
            succeeded = sum(
                1 for intent in self.payment_intents.values() if intent["status"] == "succeeded"
            )
            return {
                "charges": sum(self.charges.values()),
                "charges_by_key": dict(self.charges),
                "charges_by_reservation": dict(self.charges_by_reservation),
                "payments_succeeded": succeeded,
                "refunds": len(self.refunds),
                "customers": len(self.customers),
                "sessions": len(self.sessions),
                "events": len(self.events),
            }

    # --- The API ----------------------------------------------------------------------------

    def api(self, method: str, path: str, params: dict[str, Any], key: str) -> dict[str, Any]:
        """One API call, answered once per idempotency key."""
        if method != "POST" or not key:
            return self._route(method, path, params, key)
        with self.lock:
            key_lock = self.key_locks.setdefault(key, threading.Lock())
        with key_lock:
            return self._once(method, path, params, key)

    def _once(self, method: str, path: str, params: dict[str, Any], key: str) -> dict[str, Any]:
        with self.lock:
            earlier = self.answers.get(key)
        if earlier is not None:
            stored, status, answer = earlier
            if stored != params:
                raise StripeFailure(
                    400,
                    {
                        "type": "idempotency_error",
                        "message": "Keys for idempotent requests can only be used with "
                        "the same parameters they were first used with.",
                    },
                )
            if status != 200:
                raise StripeFailure(status, answer)
            return answer
        try:
            answer = self._route(method, path, params, key)
        except StripeFailure as failure:
            # Stripe keeps the answer of a request that ran (a card error), not of one
            # that could not (a bad parameter): that one may be sent again, corrected.
            if failure.status == 402:
                with self.lock:
                    self.answers[key] = (params, failure.status, failure.error)
            raise
        with self.lock:
            # As Stripe does: the answer as it was then (a session since completed or
            # expired is replayed as it was created).
            self.answers[key] = (params, 200, json.loads(json.dumps(answer)))
        return answer

    def _route(self, method: str, path: str, params: dict[str, Any], key: str) -> dict[str, Any]:
        parts = path.strip("/").split("/")
        if method == "POST" and parts == ["v1", "customers"]:
            return self._customer(params)
        if method == "POST" and parts == ["v1", "checkout", "sessions"]:
            return self._session(params)
        if method == "GET" and parts[:3] == ["v1", "checkout", "sessions"] and len(parts) == 4:
            return self._expanded(self._find(self.sessions, parts[3], "checkout session"), params)
        if method == "POST" and parts == ["v1", "payment_intents"]:
            return self._payment_intent(params, key)
        if method == "GET" and parts[:2] == ["v1", "payment_intents"] and len(parts) == 3:
            return self._find(self.payment_intents, parts[2], "payment_intent")
        if method == "GET" and parts[:2] == ["v1", "setup_intents"] and len(parts) == 3:
            return self._find(self.setup_intents, parts[2], "setup_intent")
        if method == "POST" and parts == ["v1", "refunds"]:
            return self._refund(params)
        raise _invalid(f"Unrecognized request URL ({method}: {path}).", status=404)

    def _find(self, table: dict[str, dict[str, Any]], ident: str, kind: str) -> dict[str, Any]:
        with self.lock:
            found = table.get(ident)
        if found is None:
            raise _invalid(f"No such {kind}: '{ident}'", param="id", status=404)
        return found

    def _expanded(self, session: dict[str, Any], params: dict[str, Any]) -> dict[str, Any]:
        answer = dict(session)
        for name in params.get("expand", []) or []:
            ident = answer.get(name)
            table = {"setup_intent": self.setup_intents, "payment_intent": self.payment_intents}
            if name in table and isinstance(ident, str):
                answer[name] = table[name][ident]
        return answer

    def _customer(self, params: dict[str, Any]) -> dict[str, Any]:
        customer = {
            "id": _id("cus"),
            "object": "customer",
            "created": int(time.time()),
            "email": params.get("email"),
            "name": params.get("name"),
            "metadata": params.get("metadata", {}),
            "livemode": False,
        }
        with self.lock:
            self.customers[customer["id"]] = customer
        return customer

    def _session(self, params: dict[str, Any]) -> dict[str, Any]:
        mode = params.get("mode")
        if mode not in ("setup", "payment"):
            raise _invalid("mode must be setup or payment (as this fake knows)", param="mode")
        for name in ("success_url",):
            if not params.get(name):
                raise _invalid(f"Missing required param: {name}.", param=name)
        customer = params.get("customer")
        if customer and customer not in self.customers:
            raise _invalid(f"No such customer: '{customer}'", param="customer")
        amount = 0
        currency = params.get("currency")
        if mode == "payment":
            items = params.get("line_items") or []
            if not items:
                raise _invalid("Missing required param: line_items.", param="line_items")
            for item in items:
                data = item.get("price_data") or {}
                amount += int(data.get("unit_amount", 0)) * int(item.get("quantity", 1))
                currency = data.get("currency", currency)
        ident = _id("cs")
        session = {
            "id": ident,
            "object": "checkout.session",
            "mode": mode,
            "status": "open",
            "payment_status": "unpaid" if mode == "payment" else "no_payment_required",
            "url": f"{self.base}/checkout/{ident}",
            "success_url": params["success_url"],
            "cancel_url": params.get("cancel_url"),
            "customer": customer,
            "customer_email": params.get("customer_email"),
            "client_reference_id": params.get("client_reference_id"),
            "currency": currency,
            "amount_total": amount if mode == "payment" else None,
            "metadata": params.get("metadata", {}),
            "setup_intent": None,
            "payment_intent": None,
            "created": int(time.time()),
            "expires_at": int(time.time()) + 24 * 3600,
            "livemode": False,
        }
        with self.lock:
            self.sessions[ident] = session
        return session

    def _payment_intent(self, params: dict[str, Any], key: str) -> dict[str, Any]:
        method_id = params.get("payment_method", "")
        method = self.payment_methods.get(method_id)
        if method is None:
            raise _invalid(f"No such PaymentMethod: '{method_id}'", param="payment_method")
        if method["customer"] != params.get("customer"):
            raise _invalid(
                "The provided PaymentMethod belongs to another customer.", param="payment_method"
            )
        if not (_flag(params.get("confirm")) and _flag(params.get("off_session"))):
            raise _invalid("This fake takes off-session confirmations only.", param="confirm")
        metadata = params.get("metadata", {})
        with self.lock:
            self.charges[key or _id("nokey")] += 1
            if metadata.get("reservation"):
                self.charges_by_reservation[str(metadata["reservation"])] += 1
        intent = self._intent(
            amount=int(params["amount"]),
            currency=params["currency"],
            customer=params.get("customer"),
            method=method_id,
            metadata=metadata,
            description=params.get("description"),
        )
        number = method["number"]
        if number == SUCCEEDS:
            intent["status"] = "succeeded"
            intent["latest_charge"] = _id("ch")
            return intent
        if number == DECLINES:
            code, decline, message = (
                "card_declined",
                "insufficient_funds",
                "Your card has insufficient funds.",
            )
        else:
            code, decline, message = (
                "authentication_required",
                "authentication_required",
                "Your card was declined. This transaction requires authentication.",
            )
        error = {
            "type": "card_error",
            "code": code,
            "decline_code": decline,
            "message": message,
            "payment_method": method,
        }
        intent["status"] = "requires_payment_method"
        intent["last_payment_error"] = dict(error)
        error["payment_intent"] = intent
        raise StripeFailure(402, error)

    def _intent(self, **fields: Any) -> dict[str, Any]:
        ident = _id("pi")
        intent = {
            "id": ident,
            "object": "payment_intent",
            "amount": fields["amount"],
            "currency": fields["currency"],
            "customer": fields["customer"],
            "payment_method": fields["method"],
            "description": fields.get("description"),
            "metadata": fields.get("metadata") or {},
            "status": "requires_payment_method",
            "latest_charge": None,
            "last_payment_error": None,
            "created": int(time.time()),
            "livemode": False,
        }
        with self.lock:
            self.payment_intents[ident] = intent
        return intent

    def _refund(self, params: dict[str, Any]) -> dict[str, Any]:
        ident = params.get("payment_intent", "")
        intent = self._find(self.payment_intents, ident, "payment_intent")
        if intent["status"] != "succeeded":
            raise _invalid(
                "This PaymentIntent does not have a successful charge to refund.",
                param="payment_intent",
            )
        with self.lock:
            if any(refund["payment_intent"] == ident for refund in self.refunds.values()):
                raise StripeFailure(
                    400,
                    {
                        "type": "invalid_request_error",
                        "code": "charge_already_refunded",
                        "message": f"Charge for {ident} has already been refunded.",
                    },
                )
            refund = {
                "id": _id("re"),
                "object": "refund",
                "amount": intent["amount"],
                "currency": intent["currency"],
                "payment_intent": ident,
                "status": "succeeded",
                "created": int(time.time()),
            }
            self.refunds[refund["id"]] = refund
        return refund

    # --- The checkout page ------------------------------------------------------------------

    def complete(self, session_id: str, card: str) -> str:
        """The person submitted the checkout page with this card: where they go next.
        Raises StripeFailure for a card the page refuses (declined, present)."""
        session = self._find(self.sessions, session_id, "checkout session")
        number = re.sub(r"\D", "", card)
        if number not in CARDS:
            raise _invalid("Use one of the test cards listed.", param="card")
        if session["status"] != "open":
            return session["success_url"].replace("{CHECKOUT_SESSION_ID}", session_id)
        method = {
            "id": _id("pm"),
            "object": "payment_method",
            "type": "card",
            "customer": session["customer"],
            "card": {"brand": "visa", "last4": number[-4:], "exp_month": 12, "exp_year": 2034},
            "number": number,  # the fake's own: Stripe never sends a card number
        }
        if session["mode"] == "setup":
            intent = {
                "id": _id("seti"),
                "object": "setup_intent",
                "status": "succeeded",
                "customer": session["customer"],
                "payment_method": method["id"],
                "usage": "off_session",
                "metadata": session["metadata"],
            }
            with self.lock:
                self.payment_methods[method["id"]] = method
                self.setup_intents[intent["id"]] = intent
                session.update(status="complete", setup_intent=intent["id"])
        else:
            if number == DECLINES:  # declined present too
                raise StripeFailure(
                    402,
                    {
                        "type": "card_error",
                        "code": "card_declined",
                        "decline_code": "insufficient_funds",
                        "message": "Your card has insufficient funds. Try another card.",
                    },
                )
            payment = self._intent(
                amount=session["amount_total"],
                currency=session["currency"],
                customer=session["customer"],
                method=method["id"],
                metadata=session["metadata"],
            )
            with self.lock:
                self.payment_methods[method["id"]] = method
                payment.update(status="succeeded", latest_charge=_id("ch"))
                session.update(
                    status="complete", payment_status="paid", payment_intent=payment["id"]
                )
        self.send_event("checkout.session.completed", dict(session))
        return session["success_url"].replace("{CHECKOUT_SESSION_ID}", session_id)

    def send_event(self, kind: str, obj: dict[str, Any]) -> None:
        event = {
            "id": _id("evt"),
            "object": "event",
            "api_version": API_VERSION,
            "created": int(time.time()),
            "type": kind,
            "livemode": False,
            "pending_webhooks": 1,
            "data": {"object": obj},
        }
        body = json.dumps(event).encode()
        header = sign(body, self.webhook_secret)
        with self.lock:
            self.events.append((body, header))
        if not self.webhook_url:
            return
        if not self._deliver(body):
            # As Stripe does, sent again later until the site answers 2xx (here: a few
            # times over half a minute, enough for a site killed and started again).
            threading.Thread(target=self._redeliver, args=(body,), daemon=True).start()

    def _deliver(self, body: bytes) -> bool:
        """One delivery (signed again, as Stripe signs each attempt): whether it got 2xx."""
        request = urllib.request.Request(
            self.webhook_url,
            data=body,
            headers={
                "Content-Type": "application/json",
                "Stripe-Signature": sign(body, self.webhook_secret),
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                status = answer.status
        except urllib.error.HTTPError as error:
            status = error.code
        except OSError:
            status = 0
        with self.lock:
            self.webhook_answers.append(status)
        return 200 <= status < 300

    def _redeliver(self, body: bytes) -> None:
        for delay in self.redelivery_delays:
            time.sleep(delay)
            if self._deliver(body):
                return


def _page(title: str, body: str) -> bytes:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head><body><main>{body}</main></body></html>"
    ).encode()


def _checkout_page(session: dict[str, Any], message: str = "") -> bytes:
    action = f"/checkout/{session['id']}"
    if session["mode"] == "setup":
        heading = "Save a card (Stripe test mode, local fake)"
    else:
        amount = (session["amount_total"] or 0) / 100
        heading = f"Pay {amount:.2f} {str(session['currency']).upper()} (local fake)"
    options = "".join(
        f'<p><label><input type="radio" name="card" value="{number}"'
        f"{' checked' if number == SUCCEEDS else ''}> {html.escape(label)}</label></p>"
        for number, label in CARDS.items()
    )
    error = f'<p role="alert">{html.escape(message)}</p>' if message else ""
    cancel = session.get("cancel_url") or ""
    back = f'<p><a href="{html.escape(cancel)}">Back</a></p>' if cancel else ""
    return _page(
        heading,
        f"<h1>{html.escape(heading)}</h1>{error}"
        f'<form method="post" action="{action}"><fieldset><legend>Test card</legend>'
        f'{options}</fieldset><button type="submit">Submit</button></form>{back}',
    )


def _handler(state: FakeStripe) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def _body(self) -> str:
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(length).decode() if length else ""

        def _reply(
            self, status: int, body: bytes, kind: str, headers: dict[str, str] | None = None
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Request-Id", _id("req"))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def _json(self, status: int, answer: dict[str, Any], **headers: str) -> None:
            self._reply(status, json.dumps(answer).encode(), "application/json", headers)

        def _handle(self, method: str) -> None:
            url = urlsplit(self.path)
            body = self._body() if method == "POST" else ""
            with state.lock:
                state.requests.append((method, url.path))
            if url.path == "/_fake/counters":
                self._json(200, state.counters())
                return
            if url.path.startswith("/checkout/"):
                self._checkout(method, url.path.rsplit("/", 1)[-1], body)
                return
            if not url.path.startswith("/v1/"):
                self._json(404, {"error": {"type": "invalid_request_error", "message": "?"}})
                return
            authorization = self.headers.get("Authorization", "")
            if not authorization.startswith("Bearer sk_test_"):
                self._json(
                    401,
                    {
                        "error": {
                            "type": "invalid_request_error",
                            "message": "Invalid API Key provided.",
                        }
                    },
                )
                return
            with state.lock:
                failing = state.failures > 0
                if failing:
                    state.failures -= 1
            if failing:
                error = {"type": "api_error", "message": "An unknown error occurred (fake)."}
                self._json(500, {"error": error}, **{"Stripe-Should-Retry": "false"})
                return
            params = decode_form(parse_qsl(body if method == "POST" else url.query, True))
            try:
                answer = state.api(
                    method, url.path, params, self.headers.get("Idempotency-Key", "")
                )
            except StripeFailure as failure:
                self._json(failure.status, {"error": failure.error})
                return
            self._json(200, answer)

        def _checkout(self, method: str, session_id: str, body: str) -> None:
            session = state.sessions.get(session_id)
            if session is None:
                self._reply(404, _page("Not found", "<p>No such session.</p>"), "text/html")
                return
            if method == "GET":
                self._reply(200, _checkout_page(session), "text/html; charset=utf-8")
                return
            card = dict(parse_qsl(body)).get("card", "")
            try:
                where = state.complete(session_id, card)
            except StripeFailure as failure:
                page = _checkout_page(session, failure.error["message"])
                self._reply(402, page, "text/html; charset=utf-8")
                return
            self._reply(303, b"", "text/plain", {"Location": where})

        def do_GET(self) -> None:
            self._handle("GET")

        def do_POST(self) -> None:
            self._handle("POST")

    return Handler


@contextmanager
def running(
    *, webhook_url: str = "", webhook_secret: str = WEBHOOK_SECRET, port: int = 0
) -> Iterator[FakeStripe]:
    """The fake, serving on 127.0.0.1 in a thread for as long as the block runs."""
    state = FakeStripe(webhook_url=webhook_url, webhook_secret=webhook_secret)
    server = ThreadingHTTPServer(("127.0.0.1", port), _handler(state))
    server.daemon_threads = True
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="bench/_fake_stripe.py", description="A local server that answers as Stripe does."
    )
    parser.add_argument("--port", type=int, default=12111)
    parser.add_argument("--webhook", default="", help="the site's webhook address")
    parser.add_argument("--secret", default=WEBHOOK_SECRET, help="the webhook signing secret")
    options = parser.parse_args()
    with running(
        webhook_url=options.webhook, webhook_secret=options.secret, port=options.port
    ) as state:
        print(f"fake Stripe at {state.base} (counters: {state.base}/_fake/counters)", flush=True)
        with suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()
