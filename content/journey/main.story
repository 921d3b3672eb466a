// Crossing: the journey. An interactive documentary in the Crossing story language.
// The people in it are composites of documented cases; every fact cites content/sources.toml.
// Calibration of every chance: README.md in this folder.
title: Crossing
id: crossing-journey
version: 1
language: en
start: opening
endings: safety, caught, returned, hiding, died, stranded, stayed
sources: ../sources.toml
places: ../places.toml
include: mi-ok.story
include: chol.story
include: myong-su.story
include: railroad.story
include: mongolia-embassy.story
include: arrival-and-return.story

// Who you are, and when.
var who "Whose journey": {mi_ok "Mi-ok", chol "Chol", myong_su "Myong-su"} = mi_ok
var year "Year": {y2009 "2009", y2019 "2019"} = y2009
// What you carry and owe, in US dollars. The debt is owed to a broker, to be paid
// from the settlement money South Korea gives new arrivals.
var cash "Cash, in US dollars": 0..100000 = 0
var debt "Owed to a broker, in US dollars": 0..100000 = 0
// A forged or borrowed Chinese identity card.
var papers "A borrowed Chinese identity card": bool = false
// 3: well. 0: too ill to go on without help.
var health "Health (3 well, 0 unable to go on alone)": 0..3 = 3
// How exposed you are: people who know, checkpoints passed without papers.
var risk "How many people know your face (0 to 5)": 0..5 = 0
// Someone you chose to travel with.
var companion "Travelling with a companion": bool = false
// Mi-ok's son, born in China.
var child "Mi-ok's son, born in China, with her": bool = false
var season "Season": {summer "Summer", winter "Winter"} = summer
var years_hidden "Years in hiding": 0..6 = 0
// Which way you reached safety, for the arrival chapter.
var route "The way to safety": {none_yet "Not yet", thailand "Through Thailand", mongolia "Through Mongolia", embassy "A consulate in China", vietnam "Through Vietnam or Cambodia", sea "By sea", russia "The consulate in Vladivostok"} = none_yet

# Before you begin {#opening}

## opening
title: Crossing

This is a journey out of North Korea, told in the second person. Three people set out
in it. Each is a composite, built from cases that reporters, rights groups and
governments have documented; none of them is one real person.

Every fact in the text carries a small number. Open it to see where the fact comes from:
the outlet, the date and how sure the record is. Where the story rolls the dice — an
arrest, a patrol, the weather — the odds follow the public record, and the notes on
calibration say how each number was chosen.

Money works the same way. Where a price, a fee or a wage is on record, the text gives it
with its source mark. The other sums you will meet (a fare, a guard's share, a wage,
what you manage to put aside) are the story's own round figures, in US dollars, there so
that a choice costs something; they carry no source mark and are not prices anyone
reported.

There is no score here, and no wrong way to read it. Many of the real people whose
stories this draws on are still in danger, and some of what follows is hard to read:
detention, trafficking, death on the way.

The journey is set in 2009, in the years when, by their makers' accounts, the
documentaries *Crossing Heaven's Border* and *The Defector* were
filmed.[^pbs-2009][^defector-blog] You can also set out ten years
later, in 2019, the last full year before the border closed, and see what changed.

* Set out in 2009 -> choose_person
  ~ year = y2009
* Set out in 2019 -> choose_person
  ~ year = y2019

## choose_person
title: Whose journey

{if year == y2009: In 2009, 2,914 people reached South Korea from the North, more than in any year before or since. | In 2019, 1,047 people reached South Korea from the North, about a third as many as ten years before.}[^mou-settlement]
Most of them were women.[^mou-settlement] Most came from two provinces on the Chinese
border, North Hamgyong and Ryanggang: by Ministry of Unification data for 2016, more
than three in four defectors living in the South.[^nknews-2017-provinces]
It was not always so: women were about 7 % of defectors before 1989, and have
outnumbered men since 2002, according to Ministry of Unification figures reported by
Yonhap.[^yonhap-2015-women]

Choose whose journey to follow.

* Mi-ok, thirty-four, a market trader in Musan, on the Tumen River -> mi_ok_start
  ~ who = mi_ok
* Chol, fifteen, who lives on the streets of Hyesan, on the Yalu -> chol_start
  ~ who = chol
* Myong-su, forty-four, a logger in a North Korean camp in the Russian Far East -> myong_su_start
  ~ who = myong_su
