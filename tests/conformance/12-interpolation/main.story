title: Lemonade Stand
var cups = 3
var open: bool = true
var flavour: {lemon, lime, mint} = lime

## stand
We have {cups} cups of {flavour} lemonade. Open: {open}. Next: {cups + 1}. Sold out: {cups == 0}. Not \{cups\}.
*{cups} cups* and **{flavour}** and [{flavour} recipe](https://example.org/recipes).
* Sell one of {cups} {flavour} cups {#sell} -> stand if cups > 0
  ~ cups -= 1
* Switch to mint (open: {open}) {#mint} -> stand
  ~ flavour = mint
* Close the stand {#close} -> closed
  ~ open = false

## closed
ending: safety
Closed: {not open}. {cups} {flavour} cups left.

epilogue:
Tomorrow: *{flavour}* again, {cups * 2} cups. Open: {open}.
