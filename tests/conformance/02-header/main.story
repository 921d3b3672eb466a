// Every header key except sources/places/include (see 03, 14 and 16).
title: The Night Bus
id: night-bus
version: 2.1
language: en-GB
start: stop
endings: home, lost
var fare = 2

## depot
The depot is closed for the night.
* Go back to the stop -> stop
* Wander off -> wander

## stop
You wait at the stop with {fare} coins.
* Board the bus {#board} -> ride if fare >= 2
  ~ fare -= 2
* Walk to the depot -> depot

## ride
ending: home
You ride home with {fare} coins left.

## wander
ending: lost
You wander the empty streets.
