title: Counting Loops
var n = 0

## start
Count to a high number.
* By diverts alone {#diverts} -> tick
* By draws {#draws} -> toss

## tick
~ n += 1
-> done if n >= 20000
-> tick

## toss
-> done if n > 10000
chance:
  assumption: a coin with the same face on both sides
  1 -> toss
    ~ n += 1

## done
ending: safety
Counted to {n}.
