title: Choosing Shoes
var tried = 0
var bought: {nothing, boots, sandals} = nothing

## shop
Tried {tried} pairs so far.
* Try the boots {#boots} -> boots
  ~ tried += 1
* Try the sandals {#sandals} -> sandals
  ~ tried += 1

## boots
The boots fit well.
* Buy them {#buy} -> paid
  ~ bought = boots
* Back to the shelf {#back} -> shop

## sandals
The sandals pinch.
* Buy them {#buy} -> paid
  ~ bought = sandals
* Back to the shelf {#back} -> shop

## paid
ending: safety
You bought the {bought} after trying {tried} pairs.
