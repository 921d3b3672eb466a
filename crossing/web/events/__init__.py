"""Events: upcoming screenings and broadcasts together, their archive and calendars
(docs/events.md). Nothing is stored here: screenings come from the screenings app, broadcasts
from the films' front matter."""
