title: The Gate
var warned = false

## gate
At the gate.
* Ask the guard {#ask} -> rules -> yard
* Read the sign {#sign} -> rules -> gate if not warned
-> rules -> yard if warned

## rules
~ warned = true
"No bags past this point."
* Nod {#nod}
  He waves you on.
  ->->
* Argue -> lost

## yard
ending: safety
In the yard.

## lost
ending: caught
Turned back.
