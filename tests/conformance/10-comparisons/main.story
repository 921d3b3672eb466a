title: Height Chart
var height = 120
var tall: bool = false

## measure
{height == 120} {height != 120} {height < 120} {height <= 120} {height > 120} {height >= 120} {tall == false} {tall != true}
* Grow {#grow} -> measure
  ~ height += 10
* Shrink {#shrink} -> measure
  ~ height -= 1
* Ride the roller coaster {#coaster} -> coaster if height >= 130
* Ride the carousel {#carousel} -> carousel if height < 130

## coaster
ending: safety
~ tall = height > 129
Tall enough: {tall}. Exactly 130: {height == 130}.

## carousel
ending: safety
Round and round at {height} cm.
