"""The browser tests' fixtures (tests/browser/conftest.py), for the XSS tests here."""

from browser.conftest import (  # noqa: F401 (fixtures and the hook that checks the watch)
    browser,
    flagship,
    new_context,
    pytest_runtest_call,
    site,
    watch,
)
