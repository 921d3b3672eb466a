"""Editions of a compiled story beyond the players: the gamebook, the single-file bundle, the map."""
