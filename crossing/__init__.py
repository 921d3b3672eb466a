"""Crossing: an interactive documentary about escapes from North Korea, and its story engine."""

__version__ = "0.1.0"
