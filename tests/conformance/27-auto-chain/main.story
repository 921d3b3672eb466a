title: Morning Routine
endings: on_time, late
var minutes = 0
var late: bool = false

## alarm
~ minutes += 5
The alarm rings.
-> shower

## shower
~ minutes += 10
-> breakfast if minutes < 30
-> rush

## rush
No time for breakfast.
-> bus

## breakfast
~ minutes += 15
Breakfast at minute {minutes}.
chance:
  assumption: the toaster burns about one slice in four
  75% -> bus
  25% -> burnt

## burnt
~ minutes += 5
Burnt toast.
-> bus

## bus
~ late = minutes > 30
-> late_arrival if late
-> on_time

## on_time
ending: on_time
At the stop by minute {minutes}.

## late_arrival
ending: late
You miss the bus (minute {minutes}, late: {late}).
