title: Weather Lore
sources: sources.toml

## forecast
Red sky at night[^almanac], shepherd's delight[^met-office.2020]. So says the almanac[^almanac].
* Trust the almanac[^almanac] -> almanac_day
* Trust the radio[^radio] -> radio_day

## almanac_day
The weather office[^met-office.2020] disagrees with the almanac[^almanac].
* Toss a coin[^radio] to decide -> coin

## coin
The coin spins[^almanac].
chance: [^radio] [^met-office.2020]
  50% -> radio_day
  50% -> picnic

## radio_day
ending: safety
The radio[^radio] was right.

epilogue:
As the almanac[^almanac] and the radio[^radio] both said.

## picnic
ending: safety
A picnic in the sun.
