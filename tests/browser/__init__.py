"""The site and the single-file edition in a real browser (Debian's Chromium, Playwright)."""
