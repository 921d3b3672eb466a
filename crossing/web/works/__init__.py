"""The films and the books: one page each, filled from content/works/*.md."""
