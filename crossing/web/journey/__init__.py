"""The journey in the browser: the player page, the gamebook edition and ending counts."""
