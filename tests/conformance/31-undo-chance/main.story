title: Dice Game
var score = 0
var rolls = 0

## table
Score {score} after {rolls} rolls.
* Roll the die {#roll} -> roll
* Stop playing {#stop} -> stop

## roll
~ rolls += 1
The die tumbles.
chance:
  assumption: a fair die, its six faces grouped in pairs
  1 -> table
    ~ score += 1
  1 -> table
    ~ score += 2
  1 -> table
    ~ score += 3

## stop
ending: safety
Final score {score} in {rolls} rolls.
