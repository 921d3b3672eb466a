"""The outbox: work that leaves the request (email, verifying a Webmention, acting on a
deadline) is written as a row in the writer's own transaction and done later by the worker,
so a crash loses nothing and a double submit sends nothing twice (docs/deployment.md,
"Email and the worker")."""
