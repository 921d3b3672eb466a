// The underground railroad: from north-east China across the country to Kunming, then
// through Laos to Thailand, or east through Vietnam (an embassy in Hanoi, or Cambodia).
// Readers: Mi-ok (child may be true) or Chol (companion may be true). Never Myong-su.
// Entry: railroad_start. Exits: seoul_arrival (route = thailand or vietnam, set just
// before), caught_in_china. Endings owned here: end_returned_laos, end_mekong.
// Prefix for every other scene: rr_.
# The railroad {#railroad}

## railroad_start
place: yanji
title: The railroad
tags: china, brokers

There is no railroad, and nobody runs the whole of it. A book about the escape routes
calls it an underground railroad, for the way people are handed on, south and south
again, through China and South-East Asia.[^kirkpatrick-2012] Every hand along the way is
a person, and each one has to be trusted.

{if who == chol: {if debt > 0: The broker's man collects you from Yanji{if companion: , with Kwang-il,} and puts you on a night bus to Shenyang. You owe {debt as USD}, and he has written it down. | The pastor's minibus leaves Yanji before dawn and reaches Shenyang after dark.} In Shenyang a guide takes charge of the group: the next hand. From here on you will be passed along like a parcel with a name nobody says aloud.} {if who == mi_ok: The deacon comes to the room in the evening{if companion: , when Kyong-hui is there too}. The long road south can be arranged, he says; the question is how it is paid for, and whom you are willing to owe. {if child: The boy sleeps against the wall while you talk. He was born in China, and without a household registration no school will take him and no clinic will see him.[^statelessness-observatory] Wherever you go now, he goes.}}

{if who == mi_ok: {if year == y2009: In 2011 the BBC put the price of the road from China to South Korea at about $2,500;[^bbc-2011-fees] The Week heard of about $10,000 for the way through Laos and Thailand.[^theweek-2011] The deacon knows a broker who asks $2,500. | In 2016 the Korea Times reported that getting from China to South-East Asia cost about two million won, a little under $2,000, on top of far more to cross the border.[^koreatimes-2016-fees] Altogether, activists say, an escape cost about $17,000 before COVID.[^kbs-2024-fees] The deacon knows a broker who asks $2,000 for the road south.} People who cannot pay often promise the broker part of the money the South Korean government gives new arrivals.[^globalpost-2011-brokers]}

{if who == mi_ok: Or you can wait for a place in a group the church pays for. South Korean missionaries lead people south and sometimes pay their way, often in breach of the laws of the country they work in.[^flyer] There are never enough places. {if year == y2009 and cash >= 1500: And there is the stranger from the market, who keeps finding you, and says he knows the cheap way. In 2007 the low-budget road cost under $2,000, and meant rivers, long walks and some weeks in a Thai immigration jail.[^wapo-2007-harden]} {if cash >= 10000: For far more money there is a faster way: a forged passport and a flight out of Beijing, for more than $10,000 in 2007.[^wapo-2007-harden] The deacon will not touch it.}}

{if who == mi_ok: You have {cash as USD}. {if debt > 0: You already owe {debt as USD}.}}

-> rr_departure if who == chol
* Let the deacon's broker take you, and owe him $2,500 from your settlement money -> rr_broker_debt if year == y2009
  ~ debt += 2500
* Let the deacon's broker take you, and owe him $2,000 from your settlement money -> rr_broker_debt if year == y2019
  ~ debt += 2000
* Pay the broker $2,500 from your savings -> rr_broker_cash if year == y2009 and cash >= 2500
  ~ cash -= 2500
* Pay the broker $2,000 from your savings -> rr_broker_cash if year == y2019 and cash >= 2000
  ~ cash -= 2000
* Wait for a place in a group the church pays for -> rr_missionary
* Hear out the stranger from the market -> rr_stranger if year == y2009 and cash >= 1500

## rr_broker_cash
place: yanji
title: Paid in full

The broker counts the notes twice at the deacon's table, his back to the window. Once the
money is his, he turns almost friendly: a man explaining a job he has done many times.

You will not see him again after tonight, he says. Someone else will meet you in
Shenyang, someone else in Kunming, someone else at the border, and each is paid by the
one before. On the road you speak no Korean where anyone can hear, you carry nothing
written down, and you do what each guide tells you. {if child: He says the boy must be quiet at the stations. You say he will be. You hope it is true.} {if companion: He asks whether Kyong-hui can keep up. She answers for herself.}

People on this road often spend anything from a week to half a year in China finding the
money, and then about ten days crossing China and Laos.[^chiangrai-times-route] For you
the money part is over. The ten days have not begun.

{if cash > 0: What is left, {cash as USD}, you sew into the waistband of your trousers. | Nothing is left. Paying him was the last thing the money could do for you.}

* Go to Shenyang -> rr_departure

## rr_broker_debt
place: yanji
title: On credit

The broker does not ask for money. He asks for your name, your home county and your age,
and writes them in a notebook with a cheap ballpoint that keeps skipping.

He is not being kind. He is lending against the life you do not have yet. When people
like you reach the South, the government gives them money to begin again, and a share of
it often goes straight to the broker who brought them.[^globalpost-2011-brokers] You now
owe {debt as USD}, promised out of money you have never seen.

{if year == y2019: By 2016 most escapes were paid for by relatives who had already reached the South and sent the money ahead.[^wapo-2016-fifield] You have no one there. The line in his notebook is the only security he has, and he tells you so.}

There is one comfort in it, and you turn it over on the way back to your room. A man who
is owed money by you needs you to arrive. It is the nearest thing to a promise anyone on
this road will give you.

{if (child) or (companion): {if child: The boy asks who the man was. A friend, you say.} {if companion: Kyong-hui asks whether you will really pay. You say yes. You mean it.}}

Before you go he mentions, as if it were nothing, that he can also find you a Chinese
identity card: a real one, lent by a woman who looks enough like you, for another $500 on
the debt.

* Go to Shenyang as you are -> rr_departure
* Owe him $500 more for the borrowed card -> rr_departure
  ~ debt += 500
  ~ papers = true

## rr_missionary
place: yanji
title: The missionary

The deacon takes you to meet the man who leads the church's groups south: a South Korean,
softly spoken, tired in a way that does not go away with sleep. He knows what he risks,
and after a while, listening to him, so do you.

He does not ask you for money. He asks you to wait. He takes people south when there are
enough of them and enough money to move them, and that takes time: people on this road
spend anything from a week to half a year in China before the last stage
begins.[^chiangrai-times-route] {if child: He asks about the boy's papers. There are none. He nods slowly; he has met many children like him.}

Waiting means more weeks in hiding, in a room other people know about. Not waiting means
going back to the deacon's broker, and owing him.

* Wait for the missionary's group -> rr_mission_wait
* Do not wait: take the broker, and owe him $2,500 -> rr_broker_debt if year == y2009
  ~ debt += 2500
* Do not wait: take the broker, and owe him $2,000 -> rr_broker_debt if year == y2019
  ~ debt += 2000

## rr_mission_wait
place: shenyang
title: The waiting room
~ risk += 1

The flat in Shenyang has two rooms and a kitchen, and the curtains stay closed. The group
grows a person at a time. A grandmother from Hoeryong whose knees are bad. A young couple
who whisper all night. A girl of about twelve travelling alone, who attaches herself to
you{if child: , and to the boy, whom she treats as a small brother}.

You learn each other's real names, though you were told not to. Every new face at the door
is also someone else who knows your face.

Weeks pass. Then one evening the missionary says: the day after tomorrow. He has bought
the bus tickets himself, and he will travel with you as far as he can. You pack what you
have. It does not take long.

* Leave with the group -> rr_bus

## rr_stranger
place: yanji
title: The stranger

He finds you; you did not go looking. A man of about forty with a good coat and cheap
shoes, who speaks a little Korean and knows where to find you. He can take you south the
cheap way, he says: buses, a river, a long walk, a few weeks in a Thai cell at the end. He
wants $1,500 now. {if child: The boy, he says with a smile, travels free.}

It is a real road; people have gone south that way and arrived.[^wapo-2007-harden] It is
also what every man who sells people says. You know what happens here to women who trust
the wrong man: one study estimates that 70 to 80 per cent of North Korean refugee women in
China are trafficked into forced marriage, sex work or exploitative
labour.[^vjil-2010-trafficking] You study his face, and it tells you nothing at all.

You have {cash as USD}. If he is honest, you keep most of it. If he is not, you lose it, and
perhaps more.

* Pay him $1,500 -> rr_stranger_chance
  ~ cash -= 1500
* Thank him, and let the deacon's broker take you for $2,500 from your settlement money -> rr_broker_debt
  ~ debt += 2500
* Wait for a place in the church's group instead -> rr_missionary

## rr_stranger_chance
place: yanji
title: Two days

He counts the money without looking at it, and tells you to be at the long-distance bus
station at first light in two days' time, with one bag each.

Two days is a long time to wonder who else he has told.

chance:
  assumption: No source says how often a cheap offer from a stranger is honest. The low-budget route was real in 2007[^wapo-2007-harden], so the story lets him keep his word two times in three; the third time he keeps only the money. A careless guide also raises the risk of being noticed.
  2 -> rr_bus
    ~ risk += 1
  1 -> rr_stranger_gone

## rr_stranger_gone
place: yanji
title: Nobody comes

The bus station fills and empties twice. Buses leave for Changchun, Harbin, Shenyang,
places whose names you can now read. You stand where he told you to stand until a guard
starts to look at you, and then you walk away slowly, the way you have learned to walk
away from things.

He does not come. You never see him again. Back in the room you let yourself think, once,
about the other way it could have ended, and then you stop letting yourself. It was only
money.

You have {cash as USD} left. There are still two doors, and both mean trusting someone again.

* Let the deacon's broker take you, for $2,500 from your settlement money -> rr_broker_debt
  ~ debt += 2500
* Wait for a place in the church's group -> rr_missionary

## rr_departure
place: shenyang
title: Shenyang station

The guide meets you under the station clock in Shenyang: young, bored-looking, with two phones.
There are five of you in his care. He hands out food for the journey and tells you nobody
is to sit together.

{if papers: You have a borrowed Chinese identity card with someone else's name and a face that could be yours from across a room. You have practised the name until it sounds like something you might answer to. | You have no card. If anyone asks for one, there is nothing to show.} {if who == chol and papers: The card says you are older than you are. Nobody has ever looked at you long enough to doubt it.}

Kunming is at the other end of China. The guide gives you a choice, because he does not
much care which you take. The train is quicker, he says, but there are the stations, and
in the stations there are police. The long-distance buses take days longer and wreck your
stomach, and they stop at every town, but the people who ride them ask fewer questions.

{if (child) or (companion and who == chol): {if child: The boy has never been on a train. He wants to see one.} {if companion and who == chol: Kwang-il has never been on either.}}

* Take the train, with the borrowed card ready -> rr_train if papers
* Take the train without a card, and hope nobody asks -> rr_train if not papers
  ~ risk += 1
* Take the long way, by bus -> rr_bus

## rr_train
place: beijing
title: The train south

The hard-seat carriage smells of instant noodles and sunflower seeds. You take a window
seat, so that you can turn your face to the glass. Fields go by, then cities bigger than
any you had imagined, then fields again. At Beijing you change trains, following the
guide's back through a crowd so thick you could lose a child in it without a sound.
{if (child) or (companion): {if child: You hold the boy's wrist so hard he complains.} {if companion: You keep {if who == chol: Kwang-il in front of you, where you can see the back of his head | Kyong-hui in front of you, where you can see the back of her head}.}}

You sleep sitting up, and wake every time the train slows. Conductors come through to
check tickets. {if papers: Once, a policeman asks a man across the aisle for his card, and then walks past you. | Once, a policeman asks a man across the aisle for his card. You look at the window until your neck aches.} Nobody in your group speaks for two days. You discover that you can go a very long time without speaking.

On the third morning the hills change. The air coming through the gap in the window is
warm and wet, and the guide, for the first time, looks at you and nods: Yunnan.

-> rr_check

## rr_bus
place: shenyang
title: The long way

Sleeper buses, then ordinary ones, then a minibus, then sleeper buses again. Days run into
each other. You eat at roadside stalls and sleep curled around your bag.

The worst of it is not the police. It is the road. Many people from the North have never
ridden in a car or bus before they escape, and on the long rides south the sickness comes
for them.[^flyer] {if who == chol: You rode on the backs of trucks in Hyesan, hanging on, and thought you knew what moving fast felt like. This is different: hours of it, curve after curve, in the heat. | You have ridden in trucks before, but never for days.} {if child: The boy is sick first, then you.} {if companion: {if who == chol: Kwang-il | Kyong-hui} goes grey and silent and then is sick into a plastic bag, apologising.} By the third day someone in your group is sick at every bend.

On a mountain road in the south, the smell and the heat and the swaying become too much.
You could ask the driver to stop. He would stop; people would look; someone might
remember the group of quiet strangers who could not speak Chinese properly. Or you could
hold on until the next town.

* Ask the driver to stop -> rr_check
  ~ risk += 1
* Hold on until the next stop -> rr_check
  ~ health -= 1

## rr_check
place: kunming
title: The checkpoint

On the last day before Kunming, you stop somewhere there is no reason to stop. A
policeman comes aboard and walks down the aisle, looking at faces, asking some people for
their cards and not others. You will never know how he chooses.

{if papers: Your borrowed card is in your hand before he reaches your row. | You have no card to show. You close your eyes and breathe as if you were asleep.} {if risk >= 3: Too many people have seen you on this road.} {if child: The boy, for once, is truly asleep.}

-> rr_check_easy if papers and risk <= 2 and year == y2009
-> rr_check_hard if not papers and (risk >= 3 or year == y2019)
chance:
  assumption: No source counts arrests on the road across China. The story assumes about one traveller in twelve is stopped here: most of the 2,914 who reached the South in 2009 came this way[^mou-settlement], and missionaries saw 10–15 crossings a week out of Yunnan alone[^dailynk-2012-yunnan], so a road that stopped most people would not have carried so many. A borrowed card lowers the chance; no papers with a known face, or 2019, raise it.
  92% -> rr_kunming
  8% -> rr_caught_road

## rr_check_easy
place: kunming
title: A card in your hand

He glances at the card, then at you, and hands it back.

chance:
  assumption: With a borrowed card, little exposure and the 2009 level of control, the story takes a little more than a third of the chance at the ordinary checkpoint (8 %): 3 %.
  97% -> rr_kunming
  3% -> rr_caught_road

## rr_check_hard
place: kunming
title: No card

He stops at your row{if year == y2019: , and the guide's warning comes back to you: the road is watched more closely than it used to be. | .}

chance:
  assumption: Without papers, with many people who know your face, or in 2019, the story doubles the chance at the ordinary checkpoint (8 %) to 16 %. In 2019 fees were several times the 2009 level[^wapo-2016-fifield][^kbs-2024-fees] and arrivals were about a third of 2009's[^mou-settlement]; the higher chance here is part of how the story reflects that.
  84% -> rr_kunming
  16% -> rr_caught_road

## rr_caught_road
place: kunming
title: A question in Chinese

He asks you something in Chinese. You answer, and your accent answers for you. He asks
again, more slowly, the way people speak to children, and then he tells you to stand up.

{if (child) or (companion) or (who == chol and not companion): {if child: He tells the boy to stand up too. The boy takes your hand without being told.} {if companion: {if who == chol: Kwang-il | Kyong-hui}, two rows back, keeps still and looks at the window, as you agreed. Then the policeman looks that way too.} {if who == chol and not companion: You think about running, for a second, and there is nowhere to run on a bus.}}

The guide does not look up. That was agreed too.

If the Chinese police catch North Koreans, they send them back across the border.[^pbs-2009]
You have known this since before you left. Knowing it does not make the walk down the
aisle any shorter.

-> caught_in_china

## rr_kunming
place: kunming
title: Kunming

The room in Kunming is above a shop that sells motorbike parts. It is warm even at night.
You sleep for a whole day, and when you wake the guide has changed: a woman this time,
quick and unsmiling, who wants to know who can walk and who cannot.

{if health <= 1: You can walk. You tell her so. She looks at you for a long time and does not say anything. | {if health >= 2: You can walk. She believes you.}}

Most North Koreans who get out of China leave from this province, Yunnan.[^dailynk-2012-yunnan]
The usual way runs south to Mengla and across the hills into Laos, then on to the Mekong
and Thailand. There is another way, east into Vietnam. In 2017 a fifteen-year-old went that
way and reached Thailand twelve days after leaving the North, by a road of about 4,300 km
through China, Vietnam and Laos.[^wapo-2017-fifield] In Vietnam, some people do not wait
for Thailand at all, but make a run for the gate of a foreign embassy.[^flyer]

The woman says she can arrange either. Vietnam is more roads, more borders, more people to
pay. Laos is the walk.

{if (child) or (companion): {if child: You think about the boy on a mountain path at night. You think about him at an embassy gate.} {if companion: {if who == chol: Kwang-il | Kyong-hui} wants to know which way is shorter. Nobody can say.}}

* Go south, to Mengla and the Lao border -> rr_mengla
* Go east, into Vietnam -> rr_vn_border

## rr_mengla
place: mengla
title: Mengla

Mengla is the last town. Rubber trees grow in rows up the hills, and the air smells of
rain even when it is not raining. In 2012, missionaries estimated that ten to fifteen
North Koreans were crossing out of Yunnan each week,[^dailynk-2012-yunnan] and you begin
to understand what that means: somebody did this last week, and somebody will do it next
week, and none of you will ever meet.

There are two ways on from here. Most groups walk, at night, over the hills into Laos.
A few go by water: some North Koreans have ridden Chinese cargo boats down the Mekong to
Bokeo province in Laos.[^bangkokpost-2006-mekong] The boat spares your legs, but it
costs more, and it means lying in the dark in a hold, trusting a crew you cannot talk to.

{if (health <= 1) or (child) or (companion): {if health <= 1: Your body has already told you what it thinks of a long walk.} {if child: The boy is too heavy to carry far, and too small to walk all night.} {if companion: {if who == chol: Kwang-il says the walk is nothing, and means it, and is {11 + years_hidden as words}. | Kyong-hui says nothing, and ties her shoes twice.}}}

{if cash >= 500: You have {cash as USD}. The boat would take $500 of it. | You have {cash as USD}; the boat costs $500.} {if debt > 0 and cash < 500: The guide says the boat can go on what you already owe.}

* Walk into Laos with the group tonight -> rr_walk
* Pay $500 for places on a cargo boat -> rr_cargo if cash >= 500
  ~ cash -= 500
* Take the boat and add $500 to what you owe -> rr_cargo if debt > 0 and cash < 500
  ~ debt += 500

## rr_cargo
place: golden_triangle
title: The hold

You board in the dark, after the crew have finished loading. The hold smells of diesel and
wet sacks. A man shows you where to lie, behind crates, and puts a finger to his lips,
which needs no translation.

For a long time nothing happens. Then the engine, and the slow sideways feeling of a boat
leaving a bank. You count hours by the light that comes through the gaps in the hatch.
Once there are voices above, and boots, and the light changes; then the voices go away.

{if (child) or (companion): {if child: The boy sleeps through most of it, his head on your arm. Your arm goes dead and you do not move it.} {if companion: {if who == chol: Kwang-il | Kyong-hui} wants to look out. You hold on to a sleeve.}}

chance:
  assumption: No source gives the odds for the boats. The story assumes a hidden place in a cargo hold is a little safer than the ordinary checkpoint on the road across China (8 %), since there is no long walk in sight of patrols: about one boat in sixteen (6 %) is searched and the group found before it leaves Chinese waters.
  94% -> rr_houayxay
  6% -> rr_caught_south

## rr_caught_south
place: mengla
title: Before the border

Lights, close. Voices in Chinese, calm, not in a hurry. Someone has been expecting people
like you on this stretch, tonight or some night.

You are still in China: a few kilometres short of Laos, or an hour from it, or a night. It
does not matter any more how far. {if child: You pick up the boy, because there is nothing else to do with your hands.} {if companion: {if who == chol: Kwang-il | Kyong-hui} finds your hand in the dark and holds it.} {if who == chol and not companion: You are alone, and you are almost glad nobody else has to see it.}

The guide is gone. Guides usually are. The others in your group stand with you in the
beam of a torch, and somebody's grandmother asks, very quietly, in the accent of the
north-east, whether she might sit down.

If Chinese police catch North Koreans, they send them back.[^pbs-2009] The whole road was
built around that one fact, and tonight it has caught up with you.

-> caught_in_china

## rr_walk
place: mengla
title: The walk

The guide gathers you at dusk at the edge of the last plantation. {if season == summer: It has rained all afternoon, and the path is red mud. | The night is dry and cooler than you expected.} The group is the young couple, a grandmother who must be over sixty, a girl of about ten travelling with her aunt, and you{if child: , and the boy}{if companion: , and {if who == chol: Kwang-il | Kyong-hui}}.

A National Geographic film showed groups like this one, with children and grandmothers,
walking ten hours or more through the night into Laos.[^natgeo-laos-walk] The reporter
Lee Hark-joon has said that his group walked for 18 hours, and that the defectors carried
his bags and pulled him along rather than leave him behind.[^wapo-lee-interview] Nobody
tells you any of this tonight. The guide says: stay close, no lights, no talking. If you
fall, get up.

After two hours the grandmother is struggling. Her bag is a cloth bundle of everything she
owns. {if child: You already have the boy on your back for the steep parts.} {if health <= 1: You are not strong yourself.} Somebody has to take it, or she will fall behind, and the group will string out along the path where anyone might see it at first light.

* Take the grandmother's bag -> rr_walk_night
  ~ health -= 1
* Keep to your own load; you will need everything you have -> rr_walk_night
  ~ risk += 1

## rr_walk_night
place: boten
title: Into Laos

Hours. The path goes up, and then up again, and then down so steeply you go on your
heels and hands. Leaves touch your face in the dark. Water crosses the path and you
cross the water. You stop thinking in hours and think in steps, in the guide's back, in
the breathing of the person behind you.

Somewhere ahead there is a border. Nobody will tell you when you cross it. There will be
no fence, no river, no sign; the guide has said so. There will only be a morning when he
stops walking.

{if (child) or (companion): {if child: The boy sleeps on your back for hours at a time. You envy him, and you are glad.} {if companion: {if who == chol: Kwang-il | Kyong-hui} stops talking after midnight, which is how you know how tired {if who == chol: he is | she is}.}}

-> rr_walk_weak if health <= 1
-> rr_walk_weak if child and health <= 2
chance:
  assumption: The documented walks are long but ended in Laos: ten hours or more with children and grandmothers[^natgeo-laos-walk], 18 hours for a group that carried a slower member[^wapo-lee-interview]. For a walker in reasonable health the story gives a small chance of falling behind (4 %) and a smaller one of the group being stopped before the border (2 %).
  94% -> rr_laos
  4% -> rr_walk_behind
    ~ health -= 1
  2% -> rr_caught_south

## rr_walk_weak
place: boten
title: The slow ones

{if child: Some time after midnight, under the boy's weight, your legs stop answering. | Some time after midnight your legs stop answering.} The gap between you and the person in front grows, and you watch it grow.

chance:
  assumption: For a walker in poor health, or carrying a child while tired, the story assumes most still arrive but need to be helped, as Lee Hark-joon was[^wapo-lee-interview], and a slow group is more often caught out by daylight before the border: one in ten.
  80% -> rr_walk_behind
    ~ health -= 1
  10% -> rr_laos
  10% -> rr_caught_south

## rr_walk_behind
place: boten
title: Carried

You fall. You get up, as the guide said, and fall again, and then for a while you cannot
get up, and the group goes on without you into the dark.

Then someone comes back. It is the young husband, who has not said ten words to you in
all these days. He takes your bag without asking and puts it on top of his own. {if child: His wife takes the boy from your back, and he goes to her without a sound.} {if companion: {if who == chol: Kwang-il | Kyong-hui} takes your other arm.} The grandmother waits on the path with her hand out.

Nobody says anything. There is nothing that needs to be said. You walk the last of it
between two people, your feet going where they are put.

{if health == 0: By the time the ground levels out you cannot feel your legs at all. You will need days before you can walk properly again. | By the time the ground levels out the sky is grey, and you are still walking.}

* Go on -> rr_laos

## rr_laos
place: luang_namtha
title: Laos

Near dawn the guide sits down on a fallen tree and says, in Chinese and then in bad
Korean: Laos. {if companion: {if who == chol: Kwang-il | Kyong-hui} says: that's it? That's all it is?}

Hidden cameras have filmed people on foot in these forests, walking towards Thailand with
everything they own.[^flyer] You do not feel like anything anyone would film. You feel
like a pair of feet.

A pickup takes you into Luang Namtha, a small town with wide streets and not many cars,
where the guide puts you in a back room and changes again: a Lao man now, who speaks no
Korean and very little Chinese. From here the road runs south towards the Mekong, and
across the Mekong is Thailand.

{if year == y2019: The guide is nervous, and you soon learn why. Everyone on this road has heard what happened in Laos in 2013. | Other travellers have told you that the Lao police, if they catch you, ask questions for a week or two and then send you on by air.[^dailynk-2013-laos]} {if risk >= 3: Too many people have seen your face since Yanji. You feel it like a stone in your shoe.} {if health <= 1: Your legs are still shaking from the walk.}

He offers two ways. In the back of a truck, by day, with vegetables, quick and in plain
sight of anyone at a roadside post. Or on foot and in small vehicles at night by the back
roads, slow, and hard on a body that has already walked one night through the hills.

* Ride in the back of the truck, by day -> rr_laos_road
  ~ risk += 1
* Go by night, by the back roads -> rr_laos_road
  ~ health -= 1

## rr_laos_road
place: luang_namtha
title: The road south

The road south is a line of small things: a bridge, a village, a dog, a post where a man
in uniform lifts a hand or does not. You learn to read the guide's shoulders. When they
drop, it is fine. When they go up, you stop breathing.

-> rr_laos_road_high if risk >= 3 or year == y2019
chance:
  assumption: No source gives the share of North Koreans arrested in Laos. Laos had a settled practice for those it caught[^dailynk-2013-laos], and nine were arrested in one province in 2013[^chosun-2013-laos], so arrests were common enough to matter. The story assumes about one group in seven is stopped in 2009 for a traveller with little exposure.
  85% -> rr_houayxay
  15% -> rr_laos_held

## rr_laos_road_high
place: luang_namtha
title: A post in the road

Halfway through the second day the guide's shoulders go up and stay up.

chance:
  assumption: With a face many people have seen, or in 2019, after the 2013 case[^chosun-2013-laos] had made Laos a place to fear, the story raises the chance of arrest from about one in seven to one in four.
  75% -> rr_houayxay
  25% -> rr_laos_held

## rr_laos_held
place: muang_xay
title: Questions

The police are polite and do not hurry. They take you to a station, and then, after a day, to
Muang Xay, where there is a room with a bench and a window too
high to see out of.

The questions come through an interpreter, a man who speaks Korean with a Chinese accent.
Where are you from. How did you come. Who helped you. Where do you want to go. {if who == chol: They ask how old you are, twice, and write it down. | They ask about your family.} {if child: They ask about the boy, and where he was born, and you tell them.} {if companion: They keep {if who == chol: Kwang-il | Kyong-hui} in another room for an afternoon, and it is the longest afternoon of the journey.}

{if year == y2009: Until 2013, Laos usually held North Koreans for a week or two of questioning and then sent them on by air.[^dailynk-2013-laos] The others in the room tell you this, more or less, on the first night, and you hold on to it. | In May 2013, Lao police arrested nine young North Koreans, orphans aged 15 to 23, in this province. At the end of that month they were flown to Kunming with North Korean officials, and from there to Pyongyang.[^chosun-2013-laos][^latimes-2013-laos] Until then, Laos had usually questioned people for a week or two and sent them on by air.[^dailynk-2013-laos] Nobody here can tell you which kind of year this is.} {if year == y2019 and who == chol: The makers of the documentary *The Defector* called them kotjebi: street children, like you.[^defector-blog]}

Days pass. You count them by the meals.

-> rr_laos_fate_young if year == y2019 and who == chol
-> rr_laos_fate_2019 if year == y2019
chance:
  assumption: Until 2013 Laos usually questioned North Koreans for one to two weeks and then sent them on by air[^dailynk-2013-laos]; "usually" is not "always", so the story keeps a small chance (5 %) of being handed back in 2009.
  95% -> rr_laos_flown
  5% -> end_returned_laos

## rr_laos_fate_2019
place: muang_xay
title: Which kind of year

{if child: The boy has learned the word for rice in Lao. You wish he had not had to.} {if companion: You sleep in turns.} Two weeks. Then three.

chance:
  assumption: No source says how Laos treated North Koreans after the 2013 return[^chosun-2013-laos][^latimes-2013-laos]. The story assumes that return, from being an exception before 2013, had become a real risk: about three in ten.
  70% -> rr_laos_flown
  30% -> end_returned_laos

## rr_laos_fate_young
place: muang_xay
title: Which kind of year

{if companion: You sleep in turns, you and {if who == chol: Kwang-il | Kyong-hui}, so that one of you is always watching the door. | You sleep with your back to the wall.} Two weeks. Then three.

chance:
  assumption: The nine sent back in 2013 were orphans aged 15 to 23 travelling without adults[^chosun-2013-laos][^latimes-2013-laos]. The story assumes a teenager without family, like them, faces a higher risk than an adult in 2019: about 45 %, against 30 % for an adult.
  55% -> rr_laos_flown
  45% -> end_returned_laos

## rr_laos_flown
place: muang_xay
title: A plane

On the {if year == y2009: ninth | twenty-second} day, the interpreter comes in with a different face. You are to go, he says. Not back: on.

{if year == y2009: It is what Laos usually did with North Koreans in those years: questions, and then a flight onward.[^dailynk-2013-laos] | Until 2013, that was what Laos usually did with North Koreans: questions, and then a flight onward.[^dailynk-2013-laos] This time, for you, it still is.}

They drive you to an airstrip in the hills. You have never been on a plane. {if child: The boy presses his face to the window and does not blink.} {if companion: {if who == chol: Kwang-il | Kyong-hui} grips the armrest and then, slowly, lets go.} The green hills tilt and fall away beneath the wing, and the brown thread of a river, and the roads you walked.

For the first time since you left, somebody else is deciding where you go, and the place
they have decided is not behind you.

{if debt > 0: Somewhere a broker is crossing out a line in a notebook and writing another one. You still owe {debt as USD}.}

// route stays none_yet: Laos flew people on (dailynk-2013-laos), not through Thailand,
// and seoul_arrival's text for route == thailand describes the Bangkok detention centre.
* Go on -> seoul_arrival

## rr_houayxay
place: houayxay
title: Houayxay

Houayxay is a town on a bank of the Mekong in Bokeo province. {if season == summer: The river is wide and brown and fast with rain, | The river is wide and brown and slower than you imagined,} and on the other side, close enough to see people walking, is Thailand.

{if (cash > 0) or (debt > 0) or (health <= 1): {if cash > 0: You have {cash as USD} left.} {if debt > 0: You owe {debt as USD}.} {if health <= 1: You are tired in a way that sleep does not reach.}}

The boatman has one long wooden boat. Tonight there are more people waiting than it
should carry: your group, and another group that came by another road, and a family who
are not North Korean at all and do not say what they are. The boatman wants to go once,
tonight, with everyone. The river is calm, he says. He has done it before.

Or you can wait on this bank for a second trip tomorrow night, with fewer people in the
boat, and spend one more day in Laos, in a hut by the river, where anyone passing could
see you.

{if (child) or (companion and who == chol): {if child: The boy cannot swim. Neither, really, can you.} {if companion and who == chol: Kwang-il can swim, a little, in the Yalu in August, and says so as if it settled something.}}

* Go tonight, with everyone -> rr_cross_full
* Wait for the second trip -> rr_cross_wait

## rr_cross_full
place: houayxay
title: Low in the water

The boat sits low. When the last person steps in, the water is a hand's width from the
edge. The boatman tells everyone to sit still in the middle, and nobody moves.

chance:
  assumption: The record holds a case of two North Korean women who drowned when an overloaded boat capsized on the Mekong[^chiangrai-times-drowning], but no count of how many crossings were made. Against the thousands who landed and were arrested in Chiang Rai province[^chiangrai-times-arrests], deaths were rare; the story gives an overloaded boat a 3 % chance.
  background: [^chiangrai-times-drowning]
  97% -> rr_thai_bank
  3% -> end_mekong

## rr_cross_wait
place: houayxay
title: One more day

The day in the hut is long and hot. Boats go up and down the river. Once, a motorbike stops
on the track above and idles for a while, and then goes on.

At dark the boatman comes back. There are six of you this time, and the boat rides high.

chance:
  assumption: A boat that is not overloaded is safer (the documented drowning was in an overloaded boat)[^chiangrai-times-drowning], so the story gives it 1 %. The extra day on the Lao bank adds a chance of arrest (9 %), close to the one-in-seven of the whole road south through Laos, for a single day.
  90% -> rr_thai_bank
  9% -> rr_laos_held
  1% -> end_mekong

## rr_thai_bank
place: chiang_khong
title: The Thai bank

The boat noses into reeds near Chiang Khong. You climb out into mud up to your knees and
the boatman is gone before you have reached dry ground.

Now you do the thing the whole road has been leading to, which is to be arrested. In June
2012 police in northern Thailand arrested 19 North Koreans;[^afp-2012-thai-arrests] more
than 5,000 were arrested in Chiang Rai province over five years.[^chiangrai-times-arrests]
For North Koreans, being caught by the Thai police is not the end of the road but the
ordinary way in: Thailand does not send them back to the North.[^dailynk-thailand]

You walk up to the road in a line, wet to the waist. {if child: The boy holds your hand and asks, very seriously, whether these are the good police.} {if companion and who == chol: Kwang-il asks whether you are supposed to put your hands up.} A police pickup comes along after half an hour, as if it had been expecting you. The officer looks at the mud on your clothes, asks a question in Thai, and then another in English, and then says the one word he knows in Korean.

Korea, he says. You say yes.

* Get in the pickup -> rr_thai_police

## rr_thai_police
place: mae_sai
title: Mae Sai

They take you to Mae Sai, where people like you are processed before the South Korean
embassy flies them on to Seoul.[^theweek-2011] It is a police station with a fan and a
fluorescent light, and forms you cannot read.

Illegal entry has a price here. North Koreans in Thailand pay a fine of 2,000 to 6,000
baht, or they serve 10 to 30 days instead; after that they are moved to the immigration
detention centre in Bangkok.[^dailynk-thailand] The low-budget road of 2007 included
weeks in a Thai immigration jail.[^wapo-2007-harden]

The fine is set in baht, not dollars. {if cash >= 200: You have {cash as USD}, sewn into your waistband all this way. Changed into baht by a man who arranges such things, the fine will take $200 of it: the story's own round sum, for a fine the record gives only in baht. | You do not have enough to pay with. The days, then.}

{if child: The officer writes the boy's name on the form, then stops and asks which country to put.}

* Pay the fine -> rr_bangkok if cash >= 200
  ~ cash -= 200
* Serve the days -> rr_thai_days

## rr_thai_days
place: chiang_rai
title: The days
~ health -= 1

The cell has a concrete floor, a tap and a hole in the corner. There are women from
Burma and men from Laos and, on the third day, two more North Koreans, who arrived the
way you did and look at you the way you must have looked at the policeman on the road.

You count the days on the wall with a fingernail, the way people do in films you have
never seen. The food is rice and something. It is enough. The heat is not the kind you
get used to.

{if (child) or (companion) or (health == 0): {if child: The boy gets a rash, and then a fever, and then, after two frightening nights, gets better.} {if companion: {if who == chol: Kwang-il makes a game of the days, with stones, and loses it, and makes another. | Kyong-hui teaches the Lao women a song from home, and they teach her one back.}} {if health == 0: By the end you are weak enough that the others carry your mat to the door for you.}}

Nobody is going to send you back. You repeat it to yourself at night: nobody here is
going to send you back. On the last day a guard unlocks the door and points down the
corridor, and there is a bus.

* Board the bus to Bangkok -> rr_bangkok

## rr_bangkok
place: bangkok
title: Bangkok

The immigration detention centre in Bangkok holds people from everywhere. The cells are
about 130 square metres and hold 40 to 50 people each.[^dailynk-thailand] North Koreans
wait here for their turn to be flown to Seoul. Reuters reported in 2007 that getting from
the Chinese border to Bangkok usually took about 30 days, stretched that year to 45, and
that the wait here, before the flight, could drag out for months.[^reuters-2007-thailand]

You have learned to see the shape of a room quickly. Along one wall, a row of women from
North Hamgyong who have been here longest, and who know where the fan reaches and how to
get a second cup of water. Near the window, a group who pray together each morning,
quietly, in Korean, and who ask every newcomer whether they would like to join them.
{if (child) or (companion and who == chol) or (health <= 1): {if child: The boy is the only small child in the cell. Everyone wants to hold him.} {if companion and who == chol: The women look at you and Kwang-il, two boys with nobody, and look at each other.} {if health <= 1: You are still weak, and you need a place to lie down more than anything else.}}

Where you put your mat is the first choice you have made in weeks that nobody is waiting
to punish.

* Put your mat down among the women from the north-east -> rr_interview
  ~ health += 1
* Join the group by the window that prays in the morning -> rr_interview

## rr_interview
place: bangkok
title: The interview

After {if year == y2009: three weeks | a month} a South Korean official comes with a folder. He speaks the way people speak on the radio broadcasts you were never allowed to hear: softly, with his vowels in different places. He asks where you were born and who your parents are, and then questions nobody has ever asked you. Where did you go to school. What was the name of the station in your town. What did your neighbours do.

{if (who == mi_ok and child) or (who == mi_ok and not child) or (who == chol): {if who == mi_ok and child: Then he asks about the boy. Children born in China to North Korean mothers have been turned away by South Korea for lack of proof that they are North Korean.[^flyer] You tell him everything: the village, the man, the birth, the years. He writes it all down and does not tell you what it means.} {if who == mi_ok and not child: You tell him about Musan, and the market, and the river. He writes it down.} {if who == chol: You tell him what you know about your parents, which is not much. {if companion: He asks about Kwang-il, and you answer for both of you, as you have all the way.}}}

{if (debt > 0) or (health >= 2): {if debt > 0: You tell him about the debt. He nods as if he has heard this many times.} {if health >= 2: You are stronger than when you came in.}}

Some time later, a list is read out, and your name is on it. Then a bus, then an airport,
then a plane with seats in rows, and people in uniforms who bring you food without being
asked.

* Take your seat -> seoul_arrival
  ~ route = thailand

## rr_vn_border
place: kunming
title: East

The road east goes down out of the mountains towards Vietnam. There are more changes of
vehicle than you can count and more new guides than you can tell apart: a driver who
smokes, a woman with a motorbike, a young man who walks ahead with a torch.

You understand quickly that this road is built of strangers, each paid to take you one
stretch and no further, and that none of them will ever know how the journey ends. The
fifteen-year-old who went this way in 2017 crossed three countries in twelve
days.[^wapo-2017-fifield] Your own days blur.

{if (child) or (companion) or (papers): {if child: The boy is sick in the minibus and then sleeps on your lap for a hundred kilometres.} {if companion: {if who == chol: Kwang-il | Kyong-hui} practises the Vietnamese word for thank you until the driver laughs.} {if papers: You keep the borrowed card in your shirt pocket.}}

The last stretch before the border is on foot, through fields, in the early morning.

chance:
  assumption: No source counts arrests on the road from Yunnan into Vietnam. The story treats the last Chinese stretch as a second checkpoint, with about the same chance as the ordinary checkpoint on the road to Kunming (8 %), a little higher for the extra border: one in ten, in 2009 and 2019 alike, since the 2019 reader has already faced the harder checkpoint on the road to Kunming.
  90% -> rr_hanoi
  10% -> rr_caught_east

## rr_caught_east
place: kunming
title: The last field

A man steps out from behind a shed at the edge of the field, and then another. They are
not in a hurry. One of them says something into a radio.

The young man with the torch is already running, back the way you came. {if child: You hold the boy against you and do not run.} {if companion: {if who == chol: Kwang-il | Kyong-hui} looks at you to see what you will do, and you do nothing, and so {if who == chol: he does | she does} nothing too.} {if who == chol and not companion: You think about running, for a second. The field is flat and open, and you have not eaten since yesterday.}

You are still in China, by a few hundred metres. If the Chinese police catch North
Koreans, they send them back.[^pbs-2009] The border is so close you can see the colour of
the roofs on the other side.

-> caught_in_china

## rr_hanoi
place: hanoi
title: Hanoi

Hanoi is motorbikes. Thousands of them, all at once, at every hour, and you stand at the
edge of a street for a long time before you understand that you are supposed to just walk
into them.

The guide has a room for you near the old quarter and three ideas. In Vietnam, some
North Koreans make desperate runs at the gates of foreign embassies, hoping to get inside
before anyone stops them.[^flyer] In October 2009, according to news reports, nine North
Koreans flew out of Hanoi after about four weeks inside the Danish embassy.[^hanoi-2009-danish]
And once, in July 2004, 468 North Koreans were flown to Seoul from Vietnam in a single
airlift, the largest group ever to arrive at once.[^bbc-2004-vietnam]

{if year == y2009: The second idea is Cambodia. Cables from US diplomats, written between 2006 and 2008 and leaked later, describe Cambodia quietly passing North Koreans on to Seoul.[^cambodia-cables] The guide knows nothing about cables, but he knows someone who knows someone. | There used to be talk of Cambodia, the guide says; he does not know anyone who can arrange it now.}

The third idea is to go on the way the fifteen-year-old did in 2017: west, into Laos, and then down to
Thailand.[^wapo-2017-fifield] It is the long way round, and it ends with the Mekong.

{if (child) or (companion): {if child: An embassy gate is a wall and a guard and a run. The boy is small and you are not fast.} {if companion: {if who == chol: Kwang-il | Kyong-hui} thinks the embassy is the best idea anyone has ever had.}}

* Try for an embassy gate -> rr_charge
* Wait for the guide's contact to take you into Cambodia -> rr_cambodia if year == y2009
* Go west into Laos, the long way -> rr_vn_laos

## rr_charge
place: hanoi
title: The gate

You walk past it three times on three different days, not too slowly, not looking. A wall,
a flag, a gate, a guard in a small booth who reads a newspaper. On the fourth morning there
are five of you, and the guide is somewhere across the street, and the gate is open for a
car.

Nobody says go. Somebody just goes, and then everyone is running. {if child: You have the boy in your arms. He is heavier than he has ever been.} {if companion: {if who == chol: Kwang-il | Kyong-hui} is faster than you, and is through the gap before you have taken three steps.} {if health <= 1: Your legs have not been right since the walk.}

-> rr_charge_2019 if year == y2019
chance:
  assumption: The record holds successes (the nine who flew out from the Danish embassy in October 2009)[^hanoi-2009-danish] but no count of failed attempts. The story gives a run at the gate in 2009 a little better than even odds of getting inside (55 %).
  55% -> rr_charge_in
  45% -> rr_charge_turned

## rr_charge_2019
place: hanoi
title: The gate

The guard looks up from his newspaper.

chance:
  assumption: The documented embassy cases in Vietnam are from 2004 and 2009[^bbc-2004-vietnam][^hanoi-2009-danish]; the sources record none near 2019. The story lowers the odds of getting inside to about one in three.
  35% -> rr_charge_in
  65% -> rr_charge_turned

## rr_charge_in
place: hanoi
title: Inside

Then you are inside, on a lawn, on your knees, and someone is shouting in a language you
do not know, and then someone else is speaking very calmly in English, and then a woman
in a cardigan brings out a jug of water.

{if (child) or (companion): {if child: The boy does not cry. He looks at the grass.} {if companion: {if who == chol: Kwang-il | Kyong-hui} is laughing and cannot stop.}}

You live in a meeting room for weeks. There are mattresses on the floor and a television
nobody turns on. The staff are careful and kind and do not tell you anything, because
there is nothing they are allowed to tell. According to news reports, the nine who sheltered in the
Danish embassy in 2009 waited about four weeks.[^hanoi-2009-danish] You stop counting after the
first two.

One night, with no warning, you are told to pack. A van with dark windows, an airport
road, a door at the side of a building, stairs, a plane.

{if debt > 0: You still owe {debt as USD}. The broker will hear you arrived. Brokers always do.}

* Board the plane -> seoul_arrival
  ~ route = vietnam

## rr_charge_turned
place: hanoi
title: The gate closes

The car is through, and the gate is closing, and the guard is out of his booth, and the
person in front of you stops, so you stop. {if companion: {if who == chol: Kwang-il | Kyong-hui} is on the wrong side of the gate with you, breathing hard, furious.} {if child: The boy has started to cry, finally, now that it is over.}

Nobody grabs you. Nobody has to. You are five foreigners standing in a street with nowhere
to go, and the only thing to do is to walk away, as if you had never meant to stop, and
that is what you do. Across the street the guide has already gone.

He finds you that evening at the room. He is not angry. He says that this happens, and
that there is still the other way: west into Laos, down to the Mekong, Thailand. It is
longer. It is the road most people take.

You sleep badly, and in the morning you get into another minibus.

* Go west into Laos -> rr_vn_laos

## rr_cambodia
place: hanoi
title: Word from the south

You wait in the room near the old quarter for the guide's contact to send word. Days. The
guide goes out in the morning and comes back at night with rice and nothing else.

{if (child) or (companion): {if child: The boy learns to count to ten in Vietnamese from the landlady's daughter.} {if companion: {if who == chol: Kwang-il | Kyong-hui} learns how to cross the road.}}

chance:
  assumption: The leaked cables describe a quiet pipeline through Cambodia in 2006–08[^cambodia-cables], but not how many tried it. The story assumes the contact can usually arrange it in 2009 (four times in five); when he cannot, the group goes on by the Laos road.
  background: [^cambodia-cables]
  80% -> rr_cambodia_out
  20% -> rr_vn_laos

## rr_cambodia_out
place: phnom_penh
title: Phnom Penh

The word comes on the sixth day. A long drive south, a crossing you barely notice, then a
flat, hot city on a wide river, and a house with a gate, where a man who speaks Korean the
Southern way sits at a kitchen table and asks you your name.

It is quiet, as the cables would later describe it.[^cambodia-cables][^asiatimes-2011-cambodia] Nobody runs. Nobody climbs
anything. There are forms, and fans, and long afternoons. {if child: The boy learns to ride a bicycle in the courtyard. You watch him go round and round, and cannot stop watching.} {if companion: {if who == chol: Kwang-il | Kyong-hui} sleeps for most of the first three days.}

{if (debt > 0) or (health <= 1): {if debt > 0: You still owe {debt as USD}. The broker will be paid, one way or another, out of a life that has not started yet.} {if health <= 1: A doctor comes to see you, listens to your chest, and leaves pills.}}

You do not know what Cambodia gets in return, or whether it gets anything, and nobody
tells you. One morning there is a car, and an airport, and a plane.

* Board the plane -> seoul_arrival
  ~ route = vietnam

## rr_vn_laos
place: muang_xay
title: West into Laos

{if year == y2009: Whatever you hoped for in Hanoi, the road now runs west. | The road runs west.} A long bus, a border crossed on foot in the dark, hills, rain. Then Laos: the same green as the hills of Yunnan, but quieter, with fewer roads and no one on them.

You come down through the province of Oudomxay, to its capital, Muang Xay, and the guide
hands you on to another man, who drives you on towards the north-west. The fifteen-year-old in 2017
took this kind of road and was in Thailand twelve days after leaving the North.[^wapo-2017-fifield]
You have been on the road longer than that already.

{if (child) or (companion) or (health <= 1): {if child: The boy has stopped asking where you are going. He asks when.} {if companion: {if who == chol: Kwang-il | Kyong-hui} keeps asking how much further, and you keep saying: not far.} {if health <= 1: You sleep whenever the vehicle moves.}}

The driver offers you the choice every guide in Laos seems to offer: in the back of a truck
in daylight, or at night by the back roads.

* Ride in the back of the truck, by day -> rr_laos_road
  ~ risk += 1
* Go by night, by the back roads -> rr_laos_road
  ~ health -= 1

## end_returned_laos
place: muang_xay
ending: returned
title: Handed back

One morning the interpreter does not come. Instead there are two men in the room who speak
your own language with your own accent, and who already know your name.

{if year == y2019: It goes, in the end, much as it went for the nine in 2013: a car, an airport, a flight to Kunming with men from the North on either side, and then another flight, to Pyongyang.[^chosun-2013-laos] | They do not explain. A car, an airport, seats at the back of a plane with a man on either side of you.} {if child: The boy is taken to another row. You can see the back of his head.} {if companion: {if who == chol: Kwang-il | Kyong-hui} is put beside you, and you are not allowed to talk.}

You think, for no reason, of the room above the motorbike shop in Kunming, and how warm it
was at night.

You are going back to the place you risked everything to leave.

epilogue:
In May 2013 Lao police arrested nine young North Koreans, orphans aged 15 to 23, in
Oudomxay province. On 27 May they were flown to Kunming with North Korean officials, and
from there to Pyongyang; the UN human rights office spoke out about the case.[^chosun-2013-laos][^latimes-2013-laos]
Until then Laos had usually questioned North Koreans for a week or two and sent them on by
air.[^dailynk-2013-laos] After 2013, the road through Laos carried a fear it had not
carried before.

What waits for people who are returned is well documented. In 2014 the UN Commission of
Inquiry found that North Koreans sent back are commonly tortured and arbitrarily detained,
and subjected to summary execution, forced abortion and other sexual violence.[^un-coi-2014]

After 2020 the North closed its border and ordered guards to shoot anyone who came within
a kilometre of it.[^rfa-2020-shoot][^kbs-2020-abrams] Arrivals in the South fell from
1,047 in 2019 to 229 in 2020 and 63 in 2021.[^mou-settlement] Human Rights Watch says at
least 1,076 North Koreans have been returned from China since 2020, though the figure rests
on a single source.[^hrw-2025-returns]

{if who == mi_ok: *Mi-ok is a composite, drawn from documented cases of women from the border provinces. She is not one real person.*}{if who == chol: *Chol is a composite, drawn from documented cases of children who lived on the streets (kotjebi). He is not one real person.*}{if who == myong_su: *Myong-su is a composite, drawn from documented cases of North Korean loggers in Russia. He is not one real person.*}

## end_mekong
place: golden_triangle
ending: died
title: The river

Halfway across, the boat tips. Not much: a lean, a slap of water over the side, someone
standing up who should not have stood up. Then more.

The water is warm, which you did not expect, and very fast, and dark. {if child: The boy's hand is in yours, and then someone is pulling him upward, away from you, out of the water, onto the upturned hull. You let go so that they can.} {if companion: You hear {if who == chol: Kwang-il | Kyong-hui} shouting your name from somewhere above you, from a boat, from a bank.}

The lights on the Thai side are very close.

You do not reach them.

epilogue:
Some North Koreans have reached Bokeo province in Laos on Chinese cargo boats coming down
the Mekong.[^bangkokpost-2006-mekong] Over five years, more than 5,000 North Koreans were
arrested in Thailand's Chiang Rai province.[^chiangrai-times-arrests] The sources this
story draws on record one accident on the river: two North Korean women drowned when an
overloaded boat capsized on the Mekong.[^chiangrai-times-drowning] They do not say how
many others the river took, or whether anyone was counting.

After 2020 the road that led here almost closed. The North sealed its border and ordered
guards to shoot anyone within a kilometre of it.[^rfa-2020-shoot][^kbs-2020-abrams] Arrivals
in the South fell from 1,047 in 2019 to 229 in 2020, 63 in 2021 and 67 in 2022, and were
still only 224 in 2025.[^mou-settlement][^joongang-2026-arrivals] Activists say the cost of
an escape, about $17,000 before COVID, has risen to as much as $85,000.[^kbs-2024-fees]

{if who == mi_ok: *Mi-ok is a composite, drawn from documented cases of women from the border provinces. She is not one real person.*}{if who == chol: *Chol is a composite, drawn from documented cases of children who lived on the streets (kotjebi). He is not one real person.*}{if who == myong_su: *Myong-su is a composite, drawn from documented cases of North Korean loggers in Russia. He is not one real person.*}
