title: Seaside Trip
places: places.toml

## station
place: central
date: 1998-07
era: late 1990s
title: At the station
tags: travel, morning
image: img/station.jpg
  alt: A platform with a waiting train
  caption: The *early* train
  credit: Photo: [A. Lee](https://example.org/lee)

The train is waiting.
* Board the train -> beach

## beach
place: beach
date: 1998-07-14
title: On the sand
tags: sea
audio: audio/waves.mp3
  caption: Waves at **dawn**
image: img/sand.png
  alt: Sand and sky

Sand between your toes.
* Stay until evening -> evening

## evening
date: 1998
ending: safety
The sun sets.
