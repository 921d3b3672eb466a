title: Bus on Time

## stop
You wait for the number 12 bus.
* Keep waiting -> arrival

## arrival
chance:
  assumption: the timetable says most buses are on time
  70% -> on_time
  20% -> late
  10% -> cancelled

## on_time
ending: safety
The bus arrives on time.

## late
ending: safety
The bus is ten minutes late.

## cancelled
ending: stranded
The bus never comes.
