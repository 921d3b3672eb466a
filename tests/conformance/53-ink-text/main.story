title: Leaving
var stayed = 0

## hall
The lamps are out. -> room

## room
{if stayed > 0: You are still here.}
* "I'm leaving[."]," I said. {#leave} -> door
* [Stay a little] {#stay} {once} -> room
  ~ stayed += 1
* Ask[?] she asks. {#ask}
  She shrugs.
  -> door

## door
ending: safety
The door closes behind you.
