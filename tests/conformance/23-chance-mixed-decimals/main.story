// Percentages with different decimal places: 0.25% is 1 in 400, 0.2% is 1 in 500.
title: Lucky Dip

## dip
You reach into the lucky dip.
chance:
  assumption: the stall's own list of prizes
  0.25% -> bike
  0.75% -> kite
  0.2% -> watch
  98.8% -> sweet

## bike
ending: safety
A bike!

## kite
ending: safety
A kite.

## watch
ending: safety
A watch.

## sweet
ending: safety
A sweet.
