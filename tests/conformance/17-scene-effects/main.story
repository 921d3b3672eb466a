title: Coffee Shop
var visits = 0
var cups = 0

## counter
You have been here {visits} times and drunk {cups} cups.
// Effects written after the text still run before it is shown.
~ visits += 1
~ cups = visits * 2
* Come back tomorrow -> counter
* Leave -> leave

## leave
ending: safety
~ cups -= 1
Leaving after {visits} visits and {cups} cups.
