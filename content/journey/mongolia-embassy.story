// The Mongolian route (scenes mg_*) and the consulate rush in Shenyang (scenes em_*).
// Entries: mongolia_start (Mi-ok or Chol), embassy_start (Mi-ok only).
// Exits: seoul_arrival (route = mongolia or embassy), caught_in_china, railroad_start.
// Endings owned here: end_gobi (died), end_consulate_dragged (caught).
//
// How state is used here:
// - papers, cash, risk and year pick the checkpoint chance on the way to Erenhot;
// - health (and carrying a child) picks the desert chances: every hard choice in the
//   desert costs a point of health, and the weak walk a harder chance;
// - risk (a bag, a child, the place in the line) and year pick the chance at the gate.

# Mongolia {#mongolia}

## mongolia_start
place: yanji
title: The way north
tags: mongolia

So it is to be north, not south. Once you have decided, the way sounds almost simple, told
in a low voice across a table: a train across China, a fence, a desert, and on the far side
of it a country that does not send North Koreans back. Mongolia hands them to the South
Korean embassy, and people who went that way called an arrest by Mongolian soldiers a free
plane ticket to Seoul.[^demick-2009] On a map it is not far; NK News puts Mongolia about 800
kilometres from North Korea.[^nknews-mongolia] But no road runs straight there. The way
crosses the whole width of northern China, and ends in the Gobi.

{if who == chol: You are {15 + years_hidden as words}, and you have never ridden a train you paid for. {if companion: Kwang-il is {11 + years_hidden as words}. He has not asked where you are going; he only wants to know whether he is coming too. | There is no one to ask whether this is a good idea, so you ask no one.} | {if child: Your son sleeps with one hand holding your sleeve, as if he knows. | You go over the plan at night, again and again, the way you once counted stock at the market in Musan.} {if companion: Kyong-hui has sewn her money into the hem of her coat and shown you how to do the same.}}
{if health <= 1: You have not been well for weeks, and the desert frightens you more than the train.}

{if who == chol: The pastor | The deacon} has found two others who want to go the same way:
Geum-ja, a woman of almost sixty from Hoeryong, and her grown son. What is left to decide
is how to cross China. {if cash > 0: You have {cash as USD}. | You have no money at all.}
{if debt > 0: You already owe {debt as USD}.}
{if who == mi_ok: Brokers are often repaid out of the settlement money South Korea gives new arrivals, so some will let you owe them.[^globalpost-2011-brokers]}

* Pay a broker for the tickets{if not papers: , and a borrowed identity card} -> mg_train if cash >= 1000
  ~ cash -= 1000
  ~ papers = true
* Let a broker send you now, with a borrowed card, and owe him from the South -> mg_train if cash < 1000 and who == mi_ok
  ~ debt += 1500
  ~ papers = true
* Wait some weeks for {if who == chol: the pastor's | the deacon's} next group, and the fare he has promised -> mg_train
  ~ risk += 1
  ~ cash += 500
* Go now, with what you have -> mg_train

## mg_train
place: beijing
title: The night train

In Beijing you change trains without once looking up at the departure boards, the way you
were told. The train you want leaves in the evening and runs north-west through the night,
toward Inner Mongolia. Geum-ja and her son sit two carriages away; you agreed not to know
each other until the end of the line.

{if papers: The card in your pocket belongs to a stranger. You have practised the name on it until it almost sounds like yours. | You have no card to show anyone, only a ticket.}
{if (child) or (companion): {if child: Your son sleeps across your knees, too tired to be frightened.} {if companion: {if who == chol: Kwang-il sleeps against your shoulder with his mouth open. | Kyong-hui sits by the window, watching the dark go by.}}}

A little after midnight the door at the far end of the carriage slides open. A man in
uniform starts down the aisle, and passengers reach into their pockets before he asks.
He is checking identity cards. He is six rows away, then five.

The train is slowing for a station.

* Stay where you are, and hand him the card when he asks -> mg_check_easy if papers and risk <= 2 and year == y2009
* Stay where you are, and hand him the card when he asks -> mg_check_hard if papers and (risk >= 3 or year == y2019)
* Get off here, and pay a driver who asks no questions to take you the rest of the way -> mg_check_easy if cash >= 500 and risk <= 2 and year == y2009
  ~ cash -= 500
* Get off here, and pay a driver who asks no questions to take you the rest of the way -> mg_check_hard if cash >= 500 and (risk >= 3 or year == y2019)
  ~ cash -= 500
* Turn your face to the wall, close your eyes and hope he passes -> mg_check_hard

## mg_check_easy
place: erenhot
title: The rest of the way

The last hours pass one stop at a time. At every halt you watch who gets on, and every
uniform on a platform makes your stomach close. You count the minutes between stations,
because there is nothing else to count.

chance:
  assumption: No source counts arrests on the way to Mongolia. Up to 100,000 crossed into China in the decade before 2009 and about 17,000 reached the South, but most arrests come during months in hiding, not on one trip; with a card that passes, or out of the inspector's sight, we take one in twenty.
  background: [^pbs-2009] [^mou-settlement]
  95% -> mg_erenhot
  5% -> caught_in_china

## mg_check_hard
place: erenhot
title: Someone is looking

There is always someone looking. This time it lasts longer than a glance: a question you
only half understand, a pause, a hand held out and left there. You answer in as few words
of Chinese as you can and wait to learn what the pause means.

chance:
  assumption: Without a card that passes, with many people who know your face, or in 2019 (when arrivals in the South were about a third of 2009's and broker fees had doubled), we raise the risk of this one trip to three in twenty. No source counts it directly.
  background: [^mou-settlement] [^reuters-2015-fees]
  85% -> mg_erenhot
  15% -> caught_in_china

## mg_erenhot
place: erenhot
title: Erenhot

You reach Erenhot in the grey of the morning: wide streets, lorries, shop signs in Chinese
and in a script you cannot read. Geum-ja and her son find you where you agreed, and you
spend the day in a rented room with the curtains drawn. At dusk a man who gives no name
tells you the rest. Past the last houses there is a fence. Past the fence is Mongolia. Walk
north until someone finds you.

Geum-ja fills bottles at the sink and tells a story she has heard, in a low voice{if child: , so that your son will not hear}. It is true, as far as anyone has written
it down: a group whose water ran out in the Gobi, and a boy of ten among them who died
there.[^demick-2009]

{if season == winter: Tonight the wind has ice in it, and your breath shows inside the room. | Outside, the heat of the day is still rising off the road, and the room smells of dust.}
You can carry only so much. Water is heavy. So are coats.

* Water first: every bottle you can carry, and nothing warm -> mg_fence if season == summer
* Water first: every bottle you can carry, and nothing warm -> mg_fence if season == winter
  ~ health -= 1
* The warm coat and some food first, and fewer bottles -> mg_fence if season == winter
* The warm coat and some food first, and fewer bottles -> mg_fence if season == summer
  ~ health -= 1
* All of it, as much as your back will take -> mg_fence
  ~ health -= 1

## mg_fence
place: erenhot
title: The wire

An hour after dark you walk out past the last houses, one at a time, as if you were going
nowhere in particular. The lights of the town fall behind you. Ahead the ground is darker
than the sky, and across it runs a fence: posts, wire strung between them, and beyond the
wire nothing you can see.

{if (child) or (companion): {if child: Your son is on your back, tied on with a shawl. You have told him this is a game about being quiet, and he is playing it well.} {if companion: {if who == chol: Kwang-il walks so close behind you that he treads on your heels. | Kyong-hui walks so close behind you that she treads on your heels.}}}

You lie in a ditch and watch. Headlights crawl along a track beside the fence and are gone.
Geum-ja's son wants to go now, before they come back. Geum-ja wants to wait until the track
has been quiet for a long time, even if it costs half the night, and the night is all the
cover you have.

* Go over now, while the track is empty -> mg_fence_now
* Wait in the ditch until the lights have passed again and the track is quiet -> mg_desert
  ~ health -= 1

## mg_fence_now
place: erenhot
title: Over the wire

You go one at a time. {if child: Geum-ja's son lifts your son over and holds him until you are across.}
The wire bites your palms and catches your sleeve. For a few seconds you are up on it, in
the open, and every sound you make is loud.

chance:
  assumption: The sources say nothing about how China guards its border with Mongolia. We assume a small chance of being seen at the wire, smaller than on the train because the moment is short: about one in twelve.
  92% -> mg_desert
  8% -> caught_in_china

## mg_desert
place: gobi
title: The desert

Then there is only the desert. You walk by night, keeping the stars you were shown ahead of
you, and when the sky turns pale you lie down in whatever hollow you can find{if season == winter: , pressed together against the cold | , with cloth pulled over your faces against the sun}.
The ground is gravel and thin grass, flatter than anything you have seen, and it does not end.

You drink by mouthfuls. {if health <= 1: You are weaker than you were in Erenhot, and you know it. | Your legs still do what you ask of them.}
{if child: Your son sleeps on your back and weighs more with every hour.}

On the second night {if companion: {if who == chol: Kwang-il starts to fall behind. He is {11 + years_hidden as words}, and he has been brave for a long time; now he stops every few hundred steps and sits down without meaning to. | Kyong-hui starts to fall behind. Her shoes have split, and every few hundred steps she stops, bent over, and waves you on.} | Geum-ja starts to fall behind. Her feet are bleeding inside her shoes, and every few hundred steps she stops and says she only needs a moment.}
Far ahead, low on the horizon, Geum-ja's son thinks he can see lights. No one can say how
far away they are.

* Stay with {if companion and who == chol: him | her}, share your water and walk at {if companion and who == chol: his | her} pace -> mg_lights
  ~ health -= 1
* Leave {if companion: {if who == chol: Kwang-il | Kyong-hui} with Geum-ja and her son | her with her son}, with most of your water, and go ahead for help -> mg_ahead

## mg_ahead
place: gobi
title: Ahead

You walk faster alone{if child: , even with your son's weight on your back}. The lights do
not come any closer. Sometimes they go out altogether, and you walk toward the place where
they were. Once you stop, sure you have heard an engine, and hear only the wind.

chance:
  assumption: Demick records a group whose water ran out; no source counts how often walkers in the Gobi lose their way. Walking alone at night with little water, we put it at about one in eight.
  background: [^demick-2009]
  88% -> mg_soldiers
  12% -> mg_lost

## mg_lights
place: gobi
title: A light

You walk at the pace of the slowest, and the night seems to have no end.
{if season == winter: The cold comes up out of the ground into your feet. | Even at night the ground gives back the heat of the day.}
{if child: When your son wakes, you let him walk a little, holding your hand, to rest your back.}

Toward dawn a light appears, low and steady, nearer than the others were. It could be a
herders' camp. It could be a Mongolian border post, which is what you came for, because
here an arrest is the way out.[^demick-2009] Or, if you have walked in a circle in the dark,
it could be China. Everyone in the group has an opinion, in a whisper, and no two are the
same.

* Walk toward the light -> mg_nightwalk
* Lie low until daylight, to see whose light it is -> mg_nightwalk
  ~ health -= 1

## mg_nightwalk
place: gobi
title: Distances

Distances lie in the desert. What looked an hour away takes the rest of the morning, and
when the sun is well up the light turns out to be a low building, a truck and a flagpole
with a flag you do not know.

-> mg_weak if health <= 1 or (health <= 2 and child)

chance:
  assumption: With the group together and the post in sight, we take a one-in-twenty chance of losing it again; no source counts how often this happens.
  95% -> mg_soldiers
  5% -> mg_lost

## mg_weak
place: gobi
title: Too weak

Before you reach it, your legs stop doing what you ask. {if child: You cannot carry your son any farther; you set him down and hold his hand, and even that is hard.}
You sit down, meaning to rest for a minute, and the minute grows longer. {if companion: {if who == chol: Kwang-il | Kyong-hui} sits beside you and keeps saying your name, until Geum-ja's son persuades {if who == chol: him | her} to go on with the others to fetch help. | The others go on to fetch help.}
The building comes and goes, and you cannot tell whether it is the air that wavers or your own eyes.

chance:
  assumption: Weak from thirst, heat or cold, or carrying a child, a walker is likelier to be separated and lost. We put it at about one in seven; no source counts it, but Demick's account of the boy who died shows how fast it can go wrong.
  background: [^demick-2009]
  85% -> mg_soldiers
  15% -> mg_lost

## mg_lost
place: gobi
title: Lost

Somewhere you lose it: the light, the footprints of the others, the line you were walking.
The water is gone before noon. You walk at night by the stars and lie through the day in the
shade of nothing much, and you try not to think about the boy in Geum-ja's story.
{if child: You give your son the last mouthful and tell him it is the last, and he does not argue.}

chance:
  assumption: The record has a death in the Gobi but no count of them. We assume that even lost, most people are found: three in four, which puts deaths at about three in a hundred of those who take this route. No source gives a rate; Demick's account of the boy who died[^demick-2009] shows that it happened.
  75% -> mg_soldiers
    ~ health -= 1
  25% -> end_gobi

## mg_soldiers
place: gobi
title: Soldiers

The soldiers are young, in uniforms you do not know, and they are not angry. One of them
holds a bottle of water to your mouth and keeps it steady while you drink.
{if health <= 1: Two of them lift you into the back of a truck, because you cannot climb.}
Nobody ties your hands.

You say the words you practised: South Korea. *Hanguk*. One of them nods, as if he has heard
them before. In Mongolia, North Koreans who are caught are handed over to the South Korean
embassy, not sent back.[^demick-2009]

By evening everyone who crossed the wire with you is in one small room at the post: Geum-ja
with her feet bandaged, her son asleep sitting up{if companion: {if who == chol: , Kwang-il eating bread with both hands | , Kyong-hui asleep against the wall}}{if child: , your son in your lap, asking for more water and getting it}.
Someone brings a pot of tea with milk and salt in it. You drink three bowls and cannot
remember ever tasting anything so good.

* Go with the soldiers -> mg_ulaanbaatar

## mg_ulaanbaatar
place: ulaanbaatar
title: Ulaanbaatar

The drive to the capital is long, and you sleep through most of it. In Ulaanbaatar there are
questions from Mongolian officials, through an interpreter who is patient with your accent,
and then the handover you were promised: a man from the South Korean
embassy,[^demick-2009] who speaks your language the way the broadcasts from the South do.
The days run together: a room with beds, meals
that arrive, forms that someone else fills in.

{if (child) or (companion) or (debt > 0): {if child: He writes your son's name on his list. You remember the deacon's warning: South Korea can refuse children born in China, for lack of proof that they are North Korean.[^flyer] That question, the man from the embassy says, will be settled in Seoul.} {if companion: {if who == chol: Kwang-il has started asking what school in Seoul is like. Nobody here can tell him. | Kyong-hui practises Southern words from a newspaper someone left behind, and makes you laugh at them.}} {if debt > 0: In the South, a broker is waiting for {debt as USD}.}}

One morning you are driven to the airport. You have never been inside one. You do as the
others do and hold your papers the way they hold theirs.

* Board the plane to Seoul -> seoul_arrival
  ~ route = mongolia

## end_gobi
place: gobi
ending: died
title: The Gobi

On the third night you stop in a hollow out of the wind. You mean to rest only until the
stars have moved a little. {if child: Your son sleeps against you, inside your coat.}
{if season == winter: After a while you stop feeling the cold. | The ground is still warm from the day.}
The desert is very quiet.

You do not get up again. {if child: A patrol finds the hollow in the morning. Your son is alive, wrapped in your coat, and a soldier carries him to the truck.}

epilogue:
Mongolia did not send North Koreans back. It handed them to the South Korean embassy, which
is why people who went that way spoke of an arrest there as a free ticket to Seoul. The
danger was the desert on the way: Barbara Demick recorded a group whose water ran out in
the Gobi, and a ten-year-old boy among them who died.[^demick-2009] The sources this story
draws on give no count of how many others did not come out.

After 2020 the way out of North Korea itself nearly closed. The border was sealed, and from
August 2020 there was an order to shoot anyone within a kilometre of
it.[^rfa-2020-shoot][^kbs-2020-abrams] Arrivals in the South fell to 229 in 2020, 63 in 2021
and 67 in 2022, then rose to 196 in 2023, 236 in 2024 and 224 in
2025.[^mou-settlement][^joongang-2026-arrivals] In Mongolia, NK News reported, four North
Koreans were detained on 10 May, probably in 2023.[^nknews-mongolia]

{if who == mi_ok: *Mi-ok is a composite, drawn from documented cases of women from the border provinces. She is not one real person.*}{if who == chol: *Chol is a composite, drawn from documented cases of children who lived on the streets (kotjebi). He is not one real person.*}{if who == myong_su: *Myong-su is a composite, drawn from documented cases of North Korean loggers in Russia. He is not one real person.*}

# The consulate {#consulate}

## embassy_start
place: shenyang
title: A gate in Shenyang
tags: embassy

The missionary who runs the group in Shenyang talks about it only in the back room, with
the radio on. Eight or ten North Koreans will walk up to a foreign mission in this city at a
moment he chooses, all at once, and push through the gate before the guards can close it.
Once you are inside, he says, you are on foreign ground, and the diplomats will have to
decide what to do with you.

He knows the history better than the deacon did, and tells it plainly. The group that got
into the Spanish embassy in Beijing on 14 March 2002 was twenty-five people, the youngest
about fourteen and the oldest fifty-two, and they were later flown on to
Seoul.[^bbc-2002-spanish-embassy] Less than two months later, on 8 May, Chinese police
dragged people back out of Japan's consulate here in Shenyang.[^japantimes-2002-shenyang]
Whoever China arrests, it sends back to North Korea.[^hawk-2012]

{if year == y2019: That was seventeen years ago. | That was seven years ago.} How the gates
are guarded now, nobody in the room knows.

{if child: Your son is playing on the floor with a bottle cap. You try to picture him in it, the gate and the guards and the running, and you cannot.}
{if companion: Kyong-hui says she will go if you go.}
{if debt > 0: You owe {debt as USD} already; this way, at least, costs nothing but nerve.}
The missionary wants an answer by Sunday. He does not press you. He has seen people say no
and go another way.

* Join, and carry your son through the gate yourself -> em_plan if child
  ~ risk += 1
* Join, and leave your son with the missionary's wife, who promises to send him after you when there is a safer way -> em_plan if child
  ~ child = false
* Join the group -> em_plan if not child
* Say no, and go north to Mongolia instead -> mongolia_start
* Say no, and go south on the long road through China -> railroad_start

## em_plan
place: shenyang
title: What to carry

Twice that week the missionary walks you past the building, in pairs, like shoppers: a high
wall, a gate of iron bars, a guard box, two policemen who look bored. You do not turn your
head. You count steps from the corner instead.

He has rules. Nothing in your hands. Shoes you can run in. Each of you writes a few lines in
your own hand, saying who you are, where you come from and that you ask for protection, so
that if you are separated inside, your words reach the diplomats even if you cannot.

Then there is the question of what to bring. Whatever you leave behind, you may never see
again. Whatever you carry may be the thing a hand closes on.

* Carry nothing but the letter, sewn into your jacket, and leave your money with the missionary for the next group -> em_morning
  ~ cash = 0
* Carry a bag with everything you own{if cash > 0: , and your {cash as USD}} -> em_morning
  ~ risk += 1

## em_morning
place: shenyang
title: The order

On the morning he has chosen, you go in twos and threes, by bus and on foot, so that no one
sees a group until there is one. There are nine of you, and one of the nine is an old man
who walks with a stick.
{if child: Your son rides on your hip. You have told him to hold on and not to let go, whatever happens.}

In a café two streets away the missionary orders tea nobody drinks and goes through it once
more. The first through the gate must hold it open for the rest. Someone has to come last,
with the old man and with Eun-ju, who has been coughing all week. He asks where you want
to be.

* Go first{if child: , with your son} -> em_gate
  ~ risk -= 1
* Go in the middle, with the others around you -> em_gate
* Go last, with the old man and Eun-ju -> em_gate
  ~ risk += 1
* Get up, leave the café, and take the road south instead -> railroad_start

## em_gate
place: shenyang
title: The gate

The signal is a man lifting his hat. After weeks of slowness, everything is fast. Thirty
steps of pavement. A guard turning, his mouth opening on a shout. Hands on the bars, hands
on coats, someone through and then someone else, and beyond them a courtyard: a few metres
of ordinary paving stones.

An arm's length from you, {if companion: Kyong-hui | Eun-ju} has been caught. A policeman has her
sleeve and is pulling her backwards, and she is looking at you.

* Keep going -> em_rush_good if risk <= 2 and year == y2009
  ~ companion = false
* Keep going -> em_rush_poor if risk >= 3 or year == y2019
  ~ companion = false
* Turn back and pull her free -> em_rush_poor

## em_rush_good
place: shenyang
title: A few metres

The last few metres take no time at all and a very long time. There is shouting in three
languages, an elbow in your ribs, the edge of the gate against your shoulder, and the
courtyard so close you could touch it.

chance:
  assumption: The record shows both outcomes in 2002: in Beijing all twenty-five got in and were flown to Seoul; in Shenyang police dragged people out. How the missions were guarded afterwards is not in the sources, so we keep the number moderate: a little better than even for someone near the front, without a bag or a child to carry, in 2009.
  background: [^bbc-2002-spanish-embassy] [^japantimes-2002-shenyang]
  60% -> em_inside
  40% -> end_consulate_dragged

## em_rush_poor
place: shenyang
title: Hands

Someone has your coat. You pull, and you do not know whether the cloth will tear or hold.
{if child: Your son's arms are locked around your neck.} The courtyard is there, and the gate
is swinging, and everyone is shouting at once.

chance:
  assumption: The same record, with the same gap in it: slowed by a bag or a child, at the back, turning back for someone, or in 2019, we make it a little worse than even. We do not push it lower, because the sources do not say how the guarding changed after 2002.
  background: [^bbc-2002-spanish-embassy] [^japantimes-2002-shenyang]
  40% -> em_inside
  60% -> end_consulate_dragged

## em_inside
place: shenyang
title: Inside

Then you are on the paving stones, and the gate is shut behind you, and a man in a suit is
saying something calm in a language you do not know. Somebody is crying. It might be you.
{if companion: Kyong-hui is beside you on the stones, holding the torn half of her sleeve.}

What follows is waiting. There is a room with camp beds, meals brought in on trays, forms
and questions through an interpreter. The police stay outside the gate, and you do not go
near it. The diplomats talk to Chinese officials in rooms you never see, and nobody can tell
you how long it will take. The days turn into weeks.
{if child: Your son learns to ride a tricycle someone found for him in a storeroom, round and round the courtyard.}

Then one morning a diplomat tells you to be ready in an hour, and will not say more until
the hour is up. You put on the jacket you ran in. You do not look at
the policemen by the gate on the way out, and they do not look at you.

* Board the plane -> seoul_arrival
  ~ route = embassy

## end_consulate_dragged
place: shenyang
ending: caught
title: Outside the gate

The hand on your coat does not let go. The gate closes a few metres from you, and then you
are on the pavement, and then you are in a van with the others who did not make it{if companion: , Kyong-hui among them}.
{if child: Your son holds on to you the whole way, and nobody tries to make him let go.}
Through the back window you watch the gate, the guard box and the flag above them grow
small.

epilogue:
On 8 May 2002, Chinese police dragged asylum seekers out of Japan's consulate in
Shenyang.[^japantimes-2002-shenyang] Less than two months earlier, twenty-five people had got into the
Spanish embassy in Beijing and were flown on to Seoul.[^bbc-2002-spanish-embassy] The same
attempt could end either way.

China holds the North Koreans it arrests until there are enough to fill a bus, then returns
them over the border bridges, at Sinuiju, Musan, Hyesan and other towns. There the Bowibu,
the state security police, or the ordinary police question them about any contact with
South Koreans or Christians. Many are sent to short-term detention or labour camps, where
death rates are high; graver cases go to prisons or political camps.[^hawk-2012] In 2014 a
UN commission of inquiry found that people sent back are commonly tortured and detained
without trial, that some are executed, and that women face forced abortion and sexual
violence.[^un-coi-2014]

China went on sending people back after 2020. On 9 October 2023, it sent
more than 500 people back in a single night, Radio Free Asia reported;[^rfa-2023-october]
Justice for North Korea, reported by Yonhap, put the number at about
600.[^yonhap-2023-jfnk] Human Rights Watch says at least 1,076 North Koreans have been
returned since 2020.[^hrw-2025-returns]

*Mi-ok is a composite, drawn from documented cases of women from the border provinces. She is not one real person.*
