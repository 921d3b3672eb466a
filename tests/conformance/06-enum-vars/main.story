title: Four Seasons
var season: {spring, summer, autumn, winter} = summer
var planted: {spring, summer, autumn, winter}
var soil: {dry, wet}

## garden
It is {season}. Seeds were last planted in {planted}. The soil is {soil}.
* Plant seeds {#plant} -> planted
  ~ planted = season
* Wait for autumn {#wait} -> garden if season != autumn
  ~ season = autumn
  ~ soil = wet
* Harvest {#harvest} -> harvest if autumn == season and planted == summer

## planted
Planted in {planted}. Same as now: {planted == season}. Not spring: {planted != spring}.
* Back to the garden -> garden

## harvest
ending: safety
An {season} harvest. Wet soil: {soil == wet}.
