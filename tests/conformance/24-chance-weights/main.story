title: Picking Apples
var apples = 0

## tree
You reach for an apple ({apples} in the basket).
chance:
  assumption: roughly one apple in four has a worm
  3 -> good
  1 -> wormy

## good
~ apples += 1
A good apple: {apples} now.
* Pick another -> tree
* Sort the basket -> sort

## wormy
A wormy one, thrown away.
* Pick another -> tree
* Sort the basket -> sort

## sort
chance:
  assumption: a guess at the colours on this tree
  1 -> red
  1 -> green
  2 -> mixed

## red
ending: safety
All red, {apples} apples.

## green
ending: safety
All green, {apples} apples.

## mixed
ending: safety
A mix, {apples} apples.
