title: The Orchard
var season "Season": {early "early spring", late "late & dry summer"} = early
var tree: {apple "Apple", pear} = apple
var baskets "Baskets filled" = 0

## orchard
In {season}, the {tree} trees are bare.
* Wait for summer -> summer
* Look at the pears -> pears

## pears
~ tree = pear
The {tree} trees are bare too.
* Wait for summer -> summer

## summer
~ season = late
~ baskets += 3
In {season}, you fill {baskets} baskets of {if tree == apple: {tree}s | {tree}s, not apples}.
-> done

## done
ending: safety
The {tree} harvest is in.
