// A story read in a translation (docs/translating.md): compiled with its catalogues in
// locale/ko/, so story.json is the Korean story, and both runtimes must play it as they
// play any other. Every kind of unit is here, and one entry that is not used: its English
// changed after it was translated (the catalogue still holds the old words).
title: The Ferry
id: ferry
language: en
start: quay
sources: sources.toml
places: places.toml
var fare "Fare, in US dollars": 0..500 = 120
var weather "Weather": {calm "Calm", storm "Storm"} = calm
var waited: int = 0

# The harbour {#harbour}

## quay
title: At the quay
place: harbour

You have {fare as USD} for the ferry{if weather == storm:, and the sea is rough | }. {once: The ticket office opens at six. | The office is open.} [^timetable]

The ferry has waited {waited as words} times.

~ waited += 1
* "Buy a ticket for {fare as USD}[."]," you say. -> crossing
* Wait for the next boat {once} -> quay
  ~ weather = storm
  ~ fare += 30

## crossing
title: The crossing
place: harbour
chance:
  assumption: no one counts late ferries; we take four in five, as the timetable[^timetable] suggests.
  80% -> across
  20% -> back

## across
title: Across
place: island
ending: safety
The island is quiet. The harbour lights go out one by one.
epilogue:
Ferries have crossed here since 1923.[^timetable]

## back
title: Turned back
place: harbour
ending: stranded
The ferry turns back in the swell.
