title: Reading Club
var read = 0
var liked: bool = false
var mood: {curious, bored} = curious

## shelf
You have read {read} chapters. Liked: {liked}. Mood: {mood}.
* Read a chapter {#read} -> shelf
  ~ read += 1
* Say you liked it {#like} -> shelf if read > 0 and not liked
  ~ liked = true
* Ask a friend {#ask} -> ask
* Return the book {#return} -> returned

## ask
~ mood = bored
Your friend thinks about it.
chance:
  assumption: friends are split on this book
  50% -> shelf
    ~ liked = true
  50% -> shelf
    ~ liked = false

## returned
ending: returned
Returned after {read} chapters. Liked: {liked}. Mood: {mood}.
