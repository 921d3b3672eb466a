title: Catching the Ferry
var ticket: bool = false

## quay
The ferry is boarding.
* Buy a ticket -> gate
  ~ ticket = true
* Go without one -> gate

## gate
The inspector looks along the queue.
-> board if ticket
chance:
  assumption: the inspector checks about one passenger in two
  50% -> caught_out
  50% -> board

## board
ending: safety
You sail across the bay.

## caught_out
ending: caught
You are sent back to the ticket office.
