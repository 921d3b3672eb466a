title: Closing Time
var coins: 0..5 = 3

## stall
The stall is closing. You have {coins}.
* Buy bread {once} -> stall if coins > 0
  ~ coins -= 1
* Buy rice -> stall if coins > 1
  ~ coins -= 2
* -> home

## home
ending: safety
You walk home with {coins} left.
