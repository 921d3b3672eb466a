title: Vending Machine
var coins = 1
var snack: bool = false

## machine
You have {coins} coins.
* Buy crisps for 2 coins {#crisps} -> machine if coins >= 2
  ~ coins -= 2
  ~ snack = true
* Find a coin {#find} -> machine if coins < 3
  ~ coins += 1
* Eat the crisps {#eat} -> eat if snack
* Leave hungry {#leave} -> leave if not snack

## eat
ending: safety
Crunch. {coins} coins left.

## leave
ending: returned
You leave with {coins} coins.
