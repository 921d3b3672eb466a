title: Packing a Bag
var weight = 0
var items = 0
var log = 0

## pack
The bag weighs {weight} kg with {items} items (log {log}).
* Pack books {#books} -> pack
  ~ items += 1
  ~ weight = weight + items * 2
  ~ log = log * 10 + 1
* Pack snacks {#snacks} -> pack
  ~ log = log * 10 + 2
  ~ items += 1
  ~ weight += 1
* Leave the house {#leave} -> door
  ~ log = log * 10 + 3

## door
ending: safety
~ log = log * 10 + 4
Out of the door: {weight} kg, {items} items, log {log}.
