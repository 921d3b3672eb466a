title: The Clerk
var knows = false

## office
The clerk looks up.
* Ask about the boat {#ask}
  "Tomorrow," she says.
  ~ knows = true
  * Ask the price {#price}
    "Ask the captain."
  * Thank her {#thanks}
    She nods.
* Say nothing {#quiet}
  The clock ticks.
* Leave at once {#leave}
  -> street
- {if knows: You know about the boat.|You know nothing more.}
* Go out -> street

## street
ending: safety
The street.
