// Market Day: a small example of the Crossing story language.
// It is everyday fiction; its one "source" is made up for the example and says so.
title: Market Day
version: 1
sources: sources.toml
places: places.toml
include: market.story

var coins: 0..50 = 20
var umbrella: bool = false
var dinner: {nothing, soup, fish} = nothing
var fish_gone: bool = false

# Morning {#morning}

## kitchen
place: flat
title: The kitchen
date: 2024-06

Saturday. The cupboard holds half an onion and a jar of salt, and you have
{coins} coins in your pocket. The market closes at noon.

Outside, the sky over the river is the colour of dishwater.

* Take the umbrella by the door -> stairs
  ~ umbrella = true
* Leave it; it never rains before noon -> stairs

## stairs
place: flat

Four floors down. The number 12 stops at the corner; the market is
twenty minutes away on foot, along the river.

* Wait for the number 12 (2 coins) -> bus_stop if coins >= 2
  ~ coins -= 2
* Walk along the river -> river_path

## bus_stop
place: corner
title: The bus stop

The timetable promises a bus every ten minutes. The timetable has been wrong
before.[^timetable]

chance:
  assumption: four buses in five run on time, as the (invented) timetable note says
  80% -> bus_ride
  20% -> bus_late

## bus_ride
place: corner

The bus comes round the corner on time, and you are at the market gates
before the church bell strikes ten.

-> market_gate

## bus_late

Ten minutes. Twenty. The bus does not come, and your two coins are
already spent on the ticket machine.

-> river_path

## river_path
place: river
title: The river path

The path runs between the water and the old warehouses.
-> wet if not umbrella
-> dry

## wet

Halfway there the sky opens. With no umbrella you arrive soaked, and
the baker's boy laughs at you.

-> market_gate

## dry

Halfway there the sky opens. You put up the umbrella and walk on,
pleased with yourself.

-> market_gate
