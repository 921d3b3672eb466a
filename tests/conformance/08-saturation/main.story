title: Counting Stars
var stars = 2147483647
var dark = -2147483647
var n = 0

## sky
Stars {stars}, dark {dark}, n {n}, one more {stars + 1}.
* Add a star {#add} -> sky
  ~ stars += 1
* Darker {#darker} -> sky
  ~ dark -= 1
* Overflow and back {#back} -> sky
  ~ n = 2147483647 + 1 - 1
* Multiply {#mul} -> sky
  ~ n = 65536 * 65536
* Negate {#neg} -> sky
  ~ n = -dark
  ~ n = -n - 10
* Huge product {#huge} -> sky
  ~ n = stars * stars * -1
* Look up {#look} -> look

## look
ending: safety
Stars {stars}, dark {dark}, n {n}, sum {stars + dark}, double {stars + stars}, square {dark * dark}.
