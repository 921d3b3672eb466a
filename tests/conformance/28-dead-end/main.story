title: Locked Out
var key: bool = false

## door
The front door is locked.
* Use the key -> inside if key
* Climb the fence -> yard
* Jump into the ditch -> ditch

## yard
~ key = false
The yard is empty, and you have no key.
* Use the key -> inside if key
* Search the shed -> shed if key

## ditch
// No way out and not an ending: the checker warns (W102).
You are stuck in the ditch.

## shed
ending: safety
A spare key in the shed.

## inside
ending: safety
Inside at last.
