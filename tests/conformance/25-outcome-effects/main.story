title: Fishing Trip
var fish = 0
var bait: 0..3 = 2

## cast
~ bait -= 1
You cast with {bait} bait left and {fish} fish in the bucket.
chance:
  assumption: about half of all casts catch something
  50% -> catch
    ~ fish += 1
    ~ fish = fish * 10
  50% -> miss
    ~ bait -= 5

## catch
~ fish += 2
Caught one! {fish} fish.
* Cast again -> cast if bait > 0
* Go home -> home

## miss
Missed. Bait {bait}.
* Cast again -> cast if bait > 0
* Go home -> home

## home
ending: safety
Home with {fish} fish and {bait} bait.
