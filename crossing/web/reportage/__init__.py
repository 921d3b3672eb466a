""" "On the border": the multimedia story's chapters and their figures."""
