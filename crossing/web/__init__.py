"""The Crossing site (Django): the journey in the browser, and later the campaign around it.

The story engine (crossing.story) knows nothing of this package; this package uses it."""
