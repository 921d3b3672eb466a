title: Garden Party
include: rooms/kitchen.story
include: yard.story
var guests = 0

## gate
Guests so far: {guests}.
* Go to the kitchen -> kitchen
* Go to the yard -> yard
