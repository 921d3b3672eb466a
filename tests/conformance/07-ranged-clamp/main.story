title: Watering Cans
var water: 0..5 = 2
var mood: -3..3
var level: 3..9
var frost: -9..-2

## shed
Water {water}, mood {mood}, level {level}, frost {frost}.
* Fill up {#fill} -> shed
  ~ water += 10
* Pour it all out {#empty} -> shed
  ~ water -= 10
  ~ mood -= 1
* Splash about {#splash} -> shed
  ~ water = water - 100 + 101
  ~ mood += 7
* Step by step {#steps} -> shed
  ~ water = 0 - 1
  ~ water += 1
  ~ frost -= 100
  ~ level = level * 2
* Rest {#rest} -> rest

## rest
ending: safety
Water {water}, mood {mood}, level {level}, frost {frost}.
