title: Picnic
sources: sources.toml
var basket: bool = true
var guests: 0..9 = 2
var weather: {sun, rain} = sun

## park
You spread the blanket.{if basket: The basket holds *bread* for {guests}.[^guide] | The basket is at home.} {if weather == rain: Rain drums on the trees.}
{if guests > 1: {if guests > 3: A crowd. | A few friends.} | Just you.} A bar \| stays.

* Invite more friends {if guests > 3: (enough already) | (there is room)} -> park if guests < 5
  ~ guests += 2
* Send the basket home {#home} -> park if basket
  ~ basket = false
* It starts to rain -> leave
  ~ weather = rain

## leave
ending: safety
{if weather == sun: A dry afternoon. | A wet walk home.}

epilogue:
{if basket: You carry the basket home.[^guide] | Nothing to carry.}[^diary]
