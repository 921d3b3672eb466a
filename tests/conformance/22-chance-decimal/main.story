title: Raffle

## ticket
You hold ticket 42.
chance:
  assumption: 8 winning tickets out of 64
  12.5% -> win
  87.5% -> lose

## win
ending: safety
You win a cake.

## lose
ending: safety
Better luck next year.
