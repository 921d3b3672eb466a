"""The bibliography: every source, how sure it is, and everything on the site citing it."""
