// The market, in a file of its own: a story can span several files.

# The market {#market}

## market_gate
place: market
title: The market

The stalls are still busy. Fish on ice at one end, vegetables at the other.
You have {coins} coins.

* Buy a fish (15 coins) -> fish_stall if coins >= 15 and not fish_gone
* Buy soup vegetables (6 coins) -> veg_stall if coins >= 6
  ~ coins -= 6
  ~ dinner = soup
* Buy nothing and go home -> home

## fish_stall
place: market

You join the queue at the fish stall. The ice under the awning looks thin.

chance:
  assumption: the last mackerel goes early one Saturday in four (invented for this example)
  75% -> fish_wrapped
  25% -> sold_out

## fish_wrapped
place: market
~ coins -= 15
~ dinner = fish

The fishmonger wraps a mackerel in yesterday's newspaper.

-> home

## sold_out
place: market
~ fish_gone = true

"Sold the last one ten minutes ago," says the fishmonger, and starts
hosing down the ice. You still have {coins} coins.

-> market_gate

## veg_stall
place: market

Leeks, carrots, a bundle of parsley. Enough for a pot of soup and
something left over.

-> home

## home
place: flat
-> hungry if dinner == nothing
-> supper

## supper
place: flat
ending: safety
title: Supper

You cook {dinner} and eat it by the window with {coins} coins left over.

epilogue:
An ordinary Saturday. This example shows choices, a chance, conditions,
effects and a story in two files. The journey uses the same language for
a story that is not ordinary at all.

## hungry
place: flat
ending: stranded
title: An empty cupboard

You are home with {coins} coins and half an onion.

epilogue:
Some days go like that. Try again: the market is open next Saturday.
