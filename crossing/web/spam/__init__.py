"""Spam defence for readers' comments (issue 15): rules, a learning filter, optional Akismet.

`service.spam_checker()` is the one entry point the comments call."""
