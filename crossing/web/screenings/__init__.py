"""Screenings on demand: an organiser requests a screening of one of the films, staff approve
it, readers reserve tickets, and it happens only if enough are reserved before the deadline
(docs/screenings.md). The lifecycle is lifecycle.py; writes are services.py; reads are
selectors.py; work at a later time (the deadline, expired holds, charges, emails) goes
through the outbox (jobs.py, notifications.py)."""
