title: Market Sums
var a = 7
var b = 3
var r = 0

## stall
{a + b * 2} {(a + b) * 2} {a - b - 1} {a - (b - 1)} {-a * b} {-(a - b)} {- -a} {a * b - b * a} {2 * -3} {((a))}
* Double a {#double} -> stall
  ~ a = a * 2
* Lower b {#lower} -> stall
  ~ b = b - 5
* Work it out {#compute} -> sums
  ~ r = a + b * 2 - (a - b) * -1

## sums
ending: safety
Result {r}.
