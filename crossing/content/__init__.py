"""The campaign site's content: chapters, works, data and figures, read from `content/`.

Like the engine, this package knows nothing of the web (it never imports Django): it
reads plain files, reports problems as the story checker does, and hands the site
ready-made HTML and SVG. See docs/content.md for the file formats.
"""
