"""Interchange with other interactive-fiction tools: Twee 3 (Twine 2, SugarCube) both ways.

Nothing in the engine (crossing.story, crossing.analysis) imports this package.
"""
