"""Story text by stable IDs: the words a reader sees, extracted into one gettext catalogue
per story file and locale (`locale/ko/railroad.po` beside the story), kept current as the
English changes, checked, and put back into the source to compile the story in that
language (docs/translating.md, "The journey").

- units.py: the translatable units of a parsed file, each with its stable ID and span;
- catalogue.py: reading, writing, extracting and updating the catalogues (Babel's PO);
- markup.py: what a translation must keep — conditions, values, citations, markup;
- review.py: `translate check` — missing, outdated and mismatched entries at file:line;
- apply.py: the source rewritten in the translation's words, for the loader.
"""
