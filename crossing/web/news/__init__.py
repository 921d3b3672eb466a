"""The news: an index in pages, each post, archives by tag, author and month, and feeds."""
