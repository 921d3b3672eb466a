title: Picnic Plans
var sunny = true
var warm = false
var food = true

## plan
{sunny and warm} {sunny or warm} {not sunny} {not sunny and warm} {not (sunny and warm)} {sunny or warm and false} {(sunny or warm) and false} {not not food} {true and not false or false}
* Toggle the sun {#sun} -> plan
  ~ sunny = not sunny
* Toggle the warmth {#warm} -> plan
  ~ warm = not warm
* Eat the food {#eat} -> plan if food
  ~ food = false
* Go on the picnic {#go} -> picnic if sunny and (warm or food) or not sunny and warm
* Stay at home {#stay} -> home if not (sunny and (warm or food) or not sunny and warm)

## picnic
ending: safety
Off to the park.

## home
ending: returned
A quiet day in.
