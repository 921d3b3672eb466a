title: Baking Bread
var flour: int = 500
var eggs = 2
var fridge = -4
var loaves: int

## kitchen
Flour {flour} g, eggs {eggs}, fridge {fridge} degrees, loaves {loaves}.
* Bake a loaf {#bake} -> oven
  ~ flour -= 300
  ~ loaves += 1
* Go shopping {#shop} -> shop

## shop
~ flour = flour + 1000
~ fridge = fridge - 1
Now flour {flour} g, fridge {fridge} degrees.
* Bake with all the eggs {#bake} -> oven
  ~ flour -= 300
  ~ loaves += 1
  ~ eggs = 0

## oven
ending: safety
Loaves {loaves}, flour left {flour} g, eggs {eggs}, fridge {fridge}.
