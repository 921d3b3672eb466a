// Included from a subfolder; its own include is relative to this file.
include: ../shared/tea.story
var kettle: bool = false

# Kitchen

## kitchen
~ guests += 1
The kettle is on: {kettle}.
* Put the kettle on -> tea
  ~ kettle = true
