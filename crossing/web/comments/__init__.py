"""Comments and references (Webmentions) under the news and, where editors allow, chapters.

One table holds both, as WordPress keeps pingbacks beside comments: one moderation queue,
one count, one export. models.py says what is stored; docs/deployment.md ("Comments") says
for how long."""
