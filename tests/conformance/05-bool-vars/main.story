title: Umbrella
var raining: bool = true
var umbrella = false
var wet: bool

## hall
Raining: {raining}. Umbrella: {umbrella}. Wet: {wet}.
* Take the umbrella -> out
  ~ umbrella = true
* Go as you are -> out

## out
~ wet = raining and not umbrella
Wet: {wet}. Dry: {not wet}.
-> soaked if wet
* Walk to the park -> park

## soaked
ending: returned
You go home to change.

## park
ending: safety
~ raining = false
The rain stops. Raining: {raining}.
