title: Revolving Door
var turns = 0

## lobby
You face a revolving door.
* Go round a few times {#few} -> door
* Go round forever {#forever} -> spin

## door
~ turns += 1
Round {turns}.
-> street if turns >= 5
-> door

## street
ending: safety
Out on the street after {turns} turns.

## spin
You spin and spin.
-> spin if turns >= 0
