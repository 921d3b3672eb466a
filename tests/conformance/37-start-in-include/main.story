// The start scene and a sources table both come from an included file.
title: Library Visit
start: entrance
include: parts/entrance.story
var books = 0

## desk
You borrow {books} books.
* Leave the library -> out

## out
ending: safety
Out in the sun with {books} books.
