title: Doorbell

## door
You stand at the door.
* Ring the bell -> hall
* Knock -> hall

## hall
Someone lets you in.
* Go in -> inside

## inside
ending: safety
Warm inside.
