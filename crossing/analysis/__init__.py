"""Story analysis: exact odds over every reachable state, seeded random playthroughs and
the story map. Like the engine it builds on, it never imports Django."""
