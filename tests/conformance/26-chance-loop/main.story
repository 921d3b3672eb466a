title: Starting the Mower
var pulls = 0

## pull
~ pulls += 1
You pull the cord (pull {pulls}).
chance:
  assumption: an old mower starts about one time in three
  1 -> running
  2 -> pull

## running
ending: safety
The mower starts after {pulls} pulls.
