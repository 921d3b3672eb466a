title: Traffic Lights
var light: {red, amber, green} = red
var waited = 0

## crossing
~ waited += 1
The light is {light}; you have waited {waited} times.
-> cross if light == green
-> give_up if waited >= 3
-> careful if light == amber
* Wait {#wait} -> crossing
* Press the button {#press} -> crossing
  ~ light = green
* Watch for amber {#amber} -> crossing
  ~ light = amber

## careful
You hesitate on amber.
-> cross

## cross
You cross the road.
-> far_side

## far_side
ending: safety
Safe on the far side after {waited} waits.

## give_up
ending: returned
You give up and go home.
