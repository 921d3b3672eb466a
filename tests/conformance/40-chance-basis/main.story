title: The Ferry Timetable
sources: sources.toml

// A chance from the record: the timetable gives the numbers, the basis says how.
## quay
The ferry office posts its record for the year.[^timetable]
chance: [^timetable]
  basis: 292 of 365 crossings ran on time in the year the timetable[^timetable] covers; the harbour log[^harbour-log] agrees to the day.
  80% -> on_time
  20% -> late

// An estimate: no source counts it, two give context.
## late
The ferry is late. Will the bus still be there?
chance:
  assumption: nobody counts missed buses; we take one in four, since the bus waits ten minutes[^bus-company] and most ferries are less late than that.
  background: [^harbour-log] [^bus-company]
  3 -> bus
  1 -> walk

## on_time
ending: safety
You are home for dinner.

## bus
ending: safety
The bus waited.

## walk
ending: stranded
You walk the last mile in the rain.
