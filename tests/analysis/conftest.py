"""The story fixtures (tests/story/conftest.py), for the analysis tests too. pytest puts tests/ on
sys.path (tests/ has no __init__.py), so the story tests are the package `story`."""

from story.conftest import compile_story, load, story_dir, write  # noqa: F401
