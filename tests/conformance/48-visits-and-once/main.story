title: The Harbor Office
var coins: 0..5 = 2

## office
Visit {visits(office)}.
{if seen(pier): You smell of the sea.}
* Ask about the boat {#ask} {once} -> office
* Pay the clerk {once} -> office if coins > 0
  ~ coins -= 1
* Walk to the pier -> pier
* Leave -> gone if visits(pier) >= 2

## pier
{if visits(pier) == 1: The pier, the first time.|The pier again.}
-> office

## gone
ending: safety
You leave after {visits(office)} visits to the office.
