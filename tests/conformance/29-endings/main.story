title: Lost Cat
var searched = 0

## search
~ searched += 1
Where is the cat? Search number {searched}.
* Look under the bed -> bed
* Look in the garden -> garden
* Look again -> search
* Give up -> give_up

## bed
ending: safety
The cat was under the bed all along.

## garden
ending: returned
~ searched += 10
The cat comes home at dusk.

epilogue:
From then on the cat slept *indoors*.

It took {searched} searches, and nobody forgot it.

## give_up
ending: stranded
You stop looking.

epilogue:
The cat came back on its own.
