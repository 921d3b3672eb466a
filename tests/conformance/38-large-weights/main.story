// Weights this large make the generator reject about one 32-bit output in three
// (rejection sampling), so these cases pin down the redraw exactly.
title: Grains of Sand
var grains = 0

## scoop
~ grains += 1
Scoop {grains}.
chance:
  assumption: a sandcastle stands or falls about half the time
  715827883 -> scoop
  715827883 -> castle

## castle
ending: safety
A castle of {grains} scoops.
