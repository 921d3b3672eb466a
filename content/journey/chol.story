// Chol's chapters: a street child from Hyesan, across the Yalu to Changbai and Yanji.
// Exits: railroad_start (with a missionary's group, or a broker), mongolia_start (with
// the older boys), caught_in_china (arrested in China). Own endings: ch_end_hyesan
// (stayed), end_street_years (hiding).
// Variables read here: who, year, season, companion, health, risk, years_hidden, cash, debt.
# Chol {#chol}

## chol_start
place: hyesan
title: The station at Hyesan
~ cash = 0
~ debt = 0

The waiting hall of Hyesan station is the warmest place you know, as long as the station guard is asleep. You are fifteen. Your mother died when you were ten; your father went to look for work in another province and has not come back. Since then you have slept here, in the market and in the stairwells of flats: one of the *kotjebi*, the children who live on the streets. Beside you on the bench, Kwang-il, who is eleven, sleeps with his hands inside his sleeves.

Hyesan lies on the Yalu, in Ryanggang province. More than three in four of the North Koreans who have reached the South come from this province or from North Hamgyong, to the east.[^nknews-2017-provinces] From the bank below the market you can see the lights of Changbai, in China, on the other side. The older boys say that over there a boy can eat every day.

You have no money at all, and people who leave with a broker pay sums you will never see: {if year == y2009: in 2007 even the cheapest route through China to Thailand cost a little under $2,000.[^wapo-2007-harden] | under Kim Jong-un the fees doubled, to about $8,000 just to reach China.[^reuters-2015-fees]} You have also watched Chinese vehicles bring people back over the bridge: Hyesan is one of the crossings where China hands back the North Koreans it catches.[^hawk-2012]

Here the Yalu is swift, deep and broad, unlike the shallow Tumen further east.[^nyt-2006-rivers] People swim it in summer and walk across the ice in winter.[^wapo-2007-harden] It is January, and the river is frozen; but while the ice holds, the patrols are heavier, until the thaw in March.[^dailynk-2013-ice]

* Go now, across the ice, before you lose your nerve -> ch_kwangil
  ~ season = winter
* Wait for summer, when the patrols thin out, and swim -> ch_kwangil
  ~ season = summer
  ~ health -= 1

## ch_kwangil
place: hyesan
title: Kwang-il

{if season == winter: You tell no one, but Kwang-il knows you too well. The next evening he sees you wrapping rags round your feet under your shoes and asks where you are going. | The rest of the winter is the hardest you remember. You cough from February into April and sell your good gloves for noodles. By June the hills above the town are green, the river has swollen with melted snow, and Kwang-il has worked out what you are waiting for.}

"Take me," he says. "I won't slow you down."

He is small for eleven. {if season == winter: On the ice he will be light, but he cannot run far, and two shapes on the white river are easier to see than one. | He cannot swim well, and the current here is strong enough to pull a grown man downstream.} In China, though, a small boy draws pity at a kitchen door, and he has shared everything he had with you for two years.

If you go alone, you can tell yourself you will send for him. You do not know how you would do that.

* Take Kwang-il with you -> ch_soldier
  ~ companion = true
  ~ risk += 1
* Go alone, and give him your blanket -> ch_soldier
  ~ companion = false

## ch_soldier
place: hyesan
title: The soldier at the post

Below the market there is a guard post, and the street boys know one of its soldiers: a conscript not much older than you, who has sometimes taken a packet of cigarettes and looked at the hills while someone crossed. Sometimes. According to the makers of the documentary *The Defector*, guards have been known to take the money and still hand people over.[^defector-blog] {if year == y2019: They also reported that under Kim Jong-un the border was tightened on both sides: more checkpoints, more barriers, patrols rotated more often, and the price of a guard's silence went up.[^defector-blog] China began putting up barbed wire in 2015, near Musan, and North Korea has since fenced its own side of the border as well.[^asiapress-2022-fence]}

A packet of cigarettes means two days of carrying sacks of flour and coal for the traders at the market. Upstream, past the last houses, the bank is steep and nobody you know is watching; nobody you know is looking away either.

{if companion: Kwang-il says the soldier once gave him a boiled potato. He says it as if that settles the matter.}

* Carry loads for two days, buy the cigarettes and take them to the soldier -> ch_soldier_roll
* Keep away from his post and cross upstream, at night -> ch_crossing

## ch_soldier_roll
place: hyesan
title: The packet of cigarettes

You find him at the end of his shift, behind the post, and hold out the packet without a word. He looks at it, then at you{if companion: , then at Kwang-il}.

chance:
  assumption: The Defector's makers say guards may take a bribe and still turn people in, but give no rate. We assume the soldier keeps his side of the bargain more often than not: seven times in ten.
  background: [^defector-blog]
  70% -> ch_crossing_quiet
  30% -> ch_whistle

## ch_whistle
place: hyesan
title: The whistle
~ risk += 1

He takes the packet and puts it inside his coat. For a moment you think it has worked. Then he lifts the whistle that hangs round his neck and blows it, twice, and somewhere along the bank another whistle answers.

You run before you have decided to. Back up the bank, through the gap in the fence behind the timber yard, into the alleys you know in the dark{if companion: , pulling Kwang-il by the sleeve}. Nobody follows far. Nobody needs to: the soldier has seen your face, and you have nothing left to give him.

-> ch_turned_back

## ch_crossing_quiet
place: hyesan
title: He looks at the hills

The soldier turns the packet over, slips it into his coat and looks away, up at the hills, as if something there interests him.

You go down the bank{if companion: , with Kwang-il's hand in yours}. {if season == winter: The ice groans under you but holds. You keep low and walk, not run, the way the older boys told you. | The water is cold even in June, and faster than it looked from the bank. You swim with your clothes in a bundle on your head{if companion: , and with your other hand you hold Kwang-il's collar}.} {if year == y2019: On the far side the Chinese wire is waiting, and it will be a long time before you are through it.}

You do not look back at the post. There is still the whole river to cross, and other patrols than his.

-> ch_river_mid if year == y2019
-> ch_river_good

## ch_crossing
place: hyesan
title: Upstream, at night

You wait until the last lights go out in the houses along the bank. {if year == y2019: First there is the new fence on this side, which takes you most of an hour to get past, and your sleeve stays behind on it; on the Chinese side, you know, there is barbed wire waiting.[^asiapress-2022-fence]}

{if season == winter: The river is a grey-white road under a thin moon. Out on the ice there is nowhere to hide: you keep low and walk, not run, the way the older boys told you, listening for voices from the bank behind. | The river is loud in the dark, swollen and fast. You tie your clothes in a bundle on your head and wade in where the older boys said the current is weakest, and it still takes your feet from under you.} {if companion: {if season == winter: Kwang-il slips twice and you have to wait for him, out in the open. | Kwang-il holds your belt, and twice you feel him go under and drag him up again.}}

Halfway across, a torch flickers on the bank you left.

-> ch_river_hard if year == y2019
-> ch_river_hard if season == winter and companion
-> ch_river_good if season == summer and not companion

chance:
  assumption: No source gives the share of people turned back at the river. Up to 100,000 people crossed in the decade before 2009[^pbs-2009], so most who tried got over; we assume seven in ten get across on a middle night (alone on the ice, with heavier patrols,[^dailynk-2013-ice] or two children in the deep summer river[^nyt-2006-rivers]).
  70% -> ch_changbai
  30% -> ch_turned_back

## ch_river_good
place: hyesan
title: The river

chance:
  assumption: One swimmer alone in summer, when patrols are lighter[^dailynk-2013-ice], or a crossing where a guard looks away, in 2009: we assume 85 in 100 get across. No source gives a rate; this is the easiest case in Chol's story.
  85% -> ch_changbai
  15% -> ch_turned_back

## ch_river_mid
place: hyesan
title: The river

chance:
  assumption: A guard who looks away in 2019 still leaves the fences on both banks[^asiapress-2022-fence]; we assume seven in ten get across, as on a middle night in 2009.
  70% -> ch_changbai
  30% -> ch_turned_back

## ch_river_hard
place: hyesan
title: The river

chance:
  assumption: The hardest cases: 2019, with fences on both banks[^asiapress-2022-fence] and a tighter border[^defector-blog], or two children on the ice while patrols are heaviest[^dailynk-2013-ice]. We assume a little over half get across. No source gives a rate; arrivals in the South fell from 2,914 in 2009 to 1,047 in 2019[^mou-settlement].
  55% -> ch_changbai
  45% -> ch_turned_back

## ch_turned_back
place: hyesan
title: Back on the bank
~ health -= 1

You lie in the boiler room behind the public baths until your clothes stop steaming. {if season == winter: Your feet have gone white and will not warm up. | You coughed up half the river on the way back and your chest still hurts.} {if companion: Kwang-il sleeps against your back, and in his sleep he shakes.}

Nothing has changed: you still have no money and no family, and the lights of Changbai are still on the other side. What has changed is that someone on that bank has seen you, and for a while they will be watching.

Some of the older boys say you should go again at once, before the cold or the hunger takes the rest of your strength. Others say wait for the river to change: {if season == winter: in summer you can swim, and the patrols are lighter once the ice has gone.[^dailynk-2013-ice] | in winter you can walk across, though the patrols are heavier on the ice.[^dailynk-2013-ice]}

* Go again in a few nights, the same way -> ch_second_try
* Wait for the summer, and swim -> ch_second_try if season == winter
  ~ season = summer
  ~ health -= 1
* Wait for the ice, and walk -> ch_second_try if season == summer
  ~ season = winter
  ~ health -= 1

## ch_second_try
place: hyesan
title: The second time

{if season == winter: The ice has thickened since the last time, and the snow on it is hard enough to walk on without a sound. | The river has dropped a little since the spring floods, and in places you can see stones along the far bank.} You choose a different stretch, further from the town, where the bank is overgrown and the nearest post is out of sight round a bend. You go down long after midnight{if companion: , with Kwang-il holding the back of your coat}.

This time you do not stop to look at the lights on the other side. You know now what the river feels like under you. You also know how far it is, and that the far bank is further than it looks.

Behind you, somewhere in the town, a dog barks and goes on barking.

-> ch_river_again_hard if year == y2019

chance:
  assumption: A second attempt in 2009, on a stretch chosen with what the first attempt taught. We assume three in four get across; the reader is weaker, but knows the river now. No source gives a rate. Up to 100,000 people crossed in the decade before 2009[^pbs-2009].
  75% -> ch_changbai
  25% -> ch_end_hyesan

## ch_river_again_hard
place: hyesan
title: The river

chance:
  assumption: A second attempt in 2019, with fences on both banks[^asiapress-2022-fence]. We assume three in five get across, a little better than a hard first night (55 %) because the reader knows the river now, but well below 2009's second attempt (75 %). No source gives a rate.
  60% -> ch_changbai
  40% -> ch_end_hyesan

## ch_end_hyesan
place: hyesan
ending: stayed
title: Still in Hyesan

It goes wrong again, halfway across: a light on the bank, a shout, and you are scrambling back the way you came before you have decided anything. This time, when you are warm again, you do not go back to the river. {if companion: Kwang-il does not ask you to.}

The seasons turn, and turn again. You carry loads at the market, sleep in the station when the guard allows it, and watch the lights of Changbai from the bank. Some of the older boys go over and are not seen again; one of them comes back across the bridge in a Chinese vehicle, with his head down. You stop talking about China. You are still on this side.

epilogue:
More than three in four of the defectors in the South come from Ryanggang, Chol's province, or from North Hamgyong, to the east.[^nknews-2017-provinces] According to the makers of the documentary *The Defector*, the border tightened on both sides under Kim Jong-un, and a South Korean pastor they quoted put the fall in the number of people fleeing at 44 %.[^defector-blog] China strung barbed wire near Musan in 2015, and North Korea later fenced its own bank.[^asiapress-2022-fence]

After 2020 the border closed. In August 2020 Radio Free Asia reported an order to shoot anyone within a kilometre of the border, and the commander of US forces in Korea spoke of it a month later.[^rfa-2020-shoot][^kbs-2020-abrams] In January 2024 officials in Hyesan threatened would-be defectors with prison or execution by firing squad.[^asiapress-2024-hyesan] Arrivals in the South fell to 229 in 2020, 63 in 2021 and 67 in 2022, and were 196 in 2023, 236 in 2024 and 224 in 2025.[^mou-settlement][^joongang-2026-arrivals]

*Chol is a composite, drawn from documented cases of children who lived on the streets (kotjebi). He is not one real person.*

## ch_changbai
place: changbai
title: The other bank

{if season == winter: You come off the ice onto a bank of frozen reeds | You crawl out of the water onto a bank of stones and mud} and lie still until your heart slows. Then you climb towards the lights. {if companion: Kwang-il is laughing and crying at once, without a sound.}

This is Changbai. In the first alley a dog barks and a door opens, and an old woman who speaks Korean looks at you for a long time, then brings out a bowl of rice and a padded jacket {if companion: and tells you both | and tells you} to be gone before it is light.

Across the water Hyesan is dark. From here it looks small.

You know one thing about China, and it is the thing the older boys said most often: if the Chinese police catch you, they send you back.[^pbs-2009] A border town full of police and soldiers is the worst place to be caught. But you are {if health <= 1: shaking with fever, and | tired to the bone, and} the old woman's shed is dry.

* Stay in Changbai a few weeks, until you have your strength back -> ch_changbai_stay
  ~ health += 1
  ~ risk += 1
* Go north at once, away from the river, towards Yanji -> ch_road

## ch_changbai_stay
place: changbai
title: A shed in Changbai

You sleep in the old woman's shed among sacks of cabbages and sweep her yard in return. She feeds you twice a day and teaches you to say "I don't understand" in Chinese, which is the only thing she wants you to say to anyone.

{if companion: Kwang-il follows her everywhere, carrying the scraps to the pigs.} Twice a police car drives slowly down the lane, and twice you lie flat behind the cabbages until it has gone. The old woman says the police have been asking at the market about a North Korean boy. She does not say whether she means you.

After a few weeks she gives you some steamed buns wrapped in newspaper and tells you it is time.

-> ch_road

## ch_road
place: changbai
title: The road north

Yanji is the city the older boys always talked about: big enough to disappear in, with markets, restaurants with back doors, and churches that, they said, feed children. It is in Jilin, the province where, Human Rights Watch estimated in 2002, most of the North Koreans hiding in China lived: anywhere from 10,000 to 300,000 people.[^hrw-2002-exodus]

You have no papers and cannot read the Chinese signs. There are two ways to get there. A lorry driver loading timber at the edge of town might let you ride on top of the logs in exchange for help with the loading, and not ask questions; but the older boys said the police stop lorries on the roads out of the border towns. Or you can walk the back roads through the hills, sleeping in barns, for as long as it takes.

{if companion: Kwang-il's shoes are already coming apart.}

* Ride on the timber lorry -> ch_road_ride
* Walk the back roads -> ch_road_walk
  ~ health -= 1

## ch_road_ride
place: changbai
title: On the timber lorry

The driver is a heavy, silent man who looks at you once, points at the logs and then at the lorry, and goes to smoke in his cab. You load until your arms shake, then climb up and lie flat between the logs under a tarpaulin{if companion: , with Kwang-il pressed against you}.

The lorry grinds through the hills all night. It is {if season == winter: bitterly cold under the tarpaulin, and you cannot feel your feet | hot and airless under the tarpaulin, and the bark scrapes your face}. You do not sleep. Twice the lorry slows and stops, and you hear voices, and a torch beam moves slowly over the tarpaulin above your face.

-> ch_road_check_high if risk >= 2

chance:
  assumption: No source gives how often police checks on the roads out of the border towns find people. PBS says those caught are sent back[^pbs-2009]. We assume about one in twelve on a lorry through checkpoints, for a boy nobody has yet reported.
  92% -> ch_yanji
    ~ risk += 1
  8% -> ch_arrest_lorry

## ch_road_check_high
place: changbai
title: The checkpoint

chance:
  assumption: As for the lorry (about one in twelve), but for a more exposed reader (two children together, weeks in a watched border town, or a guard who has seen his face): we assume about one in seven. No source gives a rate.
  86% -> ch_yanji
    ~ risk += 1
  14% -> ch_arrest_lorry

## ch_road_walk
place: changbai
title: The back roads

You walk for days through hills of birch and pine, following the power lines and keeping away from the villages in daylight. {if season == winter: You sleep in haystacks and wake with frost in your hair. | It rains, and you sleep under bridges and in unlocked barns.} You eat what you can find in the fields and what a farmer's wife leaves on a step without a word.

{if companion: Kwang-il stops complaining on the third day, which frightens you more than the complaining did.} There are no checkpoints on these roads, but there are villages where everyone knows everyone, and a stranger is noticed.

chance:
  assumption: On foot the reader avoids road checkpoints but not every villager; we assume one in twenty-five is reported and arrested, half the lorry's risk, paid for in health. No source gives a rate.
  96% -> ch_yanji
  4% -> ch_arrest_walk

## ch_arrest_lorry
place: changbai
title: Stopped at the checkpoint

The lorry stops, and this time it does not start again. A policeman pulls back the tarpaulin and shines his torch into your face. He asks you something in Chinese, and you say the one sentence you know: "I don't understand." It is enough for him to understand everything.

{if companion: Kwang-il holds on to your coat, and they take you both.}

In the police station they give you water and write down a name, which you make up. Nobody asks where you want to go.

-> caught_in_china

## ch_arrest_walk
place: changbai
title: The barn

You wake in a barn to voices and a torch. The farmer stands behind two policemen and does not look at you. One of them asks you something in Chinese, and you say the one sentence you know: "I don't understand." It is enough for him to understand everything.

{if companion: Kwang-il holds on to your coat, and they take you both.}

In the police station they give you water and write down a name, which you make up. Nobody asks where you want to go.

-> caught_in_china

## ch_yanji
place: yanji
title: Yanji

Yanji is bigger than any place you have seen: wide streets, buses, shop signs you cannot read, more food in one market than in the whole of Hyesan. Nobody looks at you twice, which is what you wanted, and nobody feeds you either.

{if health <= 1: You are coughing badly now. Without papers you cannot go to a clinic: North Koreans hiding in China have no access to medical care.[^pbs-2009] | You are thin, but you are on your feet.}

On the second day, at the edge of the market, a man in a leather jacket watches you going through a bin behind a noodle shop. He says he has work on a farm outside the city: food, a bed, no questions, {if health >= 2: and you look strong enough. | though you look too ill to be much use.} The other street children, some of them North Korean like you, talk about something else: a church in a flat on the fourth floor of a block near the river, run by a South Korean, where children get a hot meal and nobody calls the police.

* Go with the man to the farm -> ch_work if health >= 2
* Find the church the children talk about -> ch_church
* Stay on the street and trust no one -> ch_street

## ch_street
place: yanji
title: The street

You sleep in stairwells and in the stokehold of a bathhouse, where the stoker lets children lie by the wall if they leave before his boss arrives. You beg outside restaurants and eat what the cooks throw out at closing time. {if companion: Kwang-il is better at begging than you; people give to a small boy, and he always brings half of it back to you.}

There are other children on these streets, Chinese and North Korean, and they have their own rules: whose corner is whose, which cooks are kind, which shopkeepers call the police. You learn the streets the police walk and at what times, and which of them look at children and which look through them.

It is not a life anyone would choose. It is a life nobody writes down, which is the point.

chance:
  assumption: A child begging in the open is more visible than one indoors. We assume about one in eight is picked up by police within a few months; no source gives a rate. PBS says those caught are sent back[^pbs-2009].
  88% -> ch_hiding
  12% -> ch_arrest

## ch_work
place: yanji
title: The farm
~ health += 1
~ risk += 1

The farm is an hour outside Yanji: pigs, maize, a brick house and a shed where you sleep on sacks{if companion: , Kwang-il beside you}. You feed the pigs at dawn, shovel out their pens, carry water and do whatever else he points at. There is food, more than you have eaten in years, and a stove in the shed.

There is no pay. When you ask about it, after two months, the man says he is keeping your wages safe for you, and that a North Korean without papers is lucky to have a roof. He also says, not looking at you, that the police pay for information.

North Koreans in China live like this: hidden, working without papers, with no school and no doctor.[^pbs-2009] You know that if you stay, you are his. You also know that if you leave, you have nowhere to go but the street, and perhaps the church the children talked about.

* Stay on the farm: there is food, and a roof -> ch_work_stay
* Leave at night and look for the church in Yanji -> ch_church

## ch_work_stay
place: yanji
title: A year on the farm

You stay. The seasons go round once: planting, weeding, the harvest, the pigs in the snow. You grow, and your hands harden, and you learn enough Chinese to understand what the man says about you to his neighbours. {if companion: Kwang-il learns it faster, and the man's wife slips him boiled eggs when her husband is not looking.}

The man never pays you, and after a while you stop asking. Some evenings he drinks and talks about the police: how much they pay for a North Korean, how easy it would be. In the morning he talks about the weather as if nothing had been said.

You could leave. Each time you think of it, you think of the street in winter.

chance:
  assumption: An employer who holds the threat of the police over an undocumented worker; we assume about one in eight uses it within the year. No source gives a rate.
  88% -> ch_hiding
    ~ years_hidden += 1
  12% -> ch_arrest_farm

## ch_church
place: yanji
title: The church on the fourth floor

The church is a flat like any other, except for the shoes: dozens of pairs outside the door. Inside there is a rice cooker the size of a drum, a wooden cross on the wall and children eating on the floor. The pastor is a South Korean in his fifties with a hearing aid, who asks your name and does not ask anything else until you have eaten twice.

South Korean missionaries like him guide defectors out of China and sometimes pay for the journey, often against the law where they work.[^flyer] He tells you that groups go south from time to time: about ten days across China and Laos into Thailand, where a North Korean can ask the South Korean embassy for asylum.[^pbs-2009][^chiangrai-times-route] {if year == y2019: But there are fewer places than there used to be. Most escapes now are paid for by relatives already in the South,[^wapo-2016-fifield] and you have none. | There are never enough places, and children wait.}

Some older boys eat here too. They talk about another way: north-west, to Mongolia.

{if health <= 1: The pastor's wife looks at your cough and gives you her own scarf.}

* Ask the pastor for a place in the next group south -> ch_church_wait
* Listen to the older boys who talk about Mongolia -> ch_mongolia_talk
* Eat, thank him, and keep your distance: too many people know this place -> ch_hiding

## ch_church_wait
place: yanji
title: Waiting for a place

{seq: The church is a flat on the fourth floor, with shoes piled outside the door. The pastor, a South Korean in his fifties, writes your name in a school exercise book{if companion: , and under it Kwang-il's}. He says he cannot promise anything: the money has to be found, and a guide, and a group that is ready to go. Until then you sleep where he tells you, come to the church only on certain days, and never tell anyone what floor it is on. | You climb to the fourth floor again. The pastor finds your name in the exercise book, further back now, and does not need to write it twice. | The exercise book is a new one. Your name has been copied into it in the pastor's careful hand, near the top. | The pastor sees you at the door and nods. He does not need to ask what you have come for. | You know the stairs to the fourth floor in the dark by now. So, you notice, do too many other people.}

{once: Most defectors leave China through Yunnan province, in the far south; missionaries estimated ten to fifteen crossings a week there.[^dailynk-2012-yunnan] You are one name in one exercise book.}

-> ch_church_wait_2019 if year == y2019

chance:
  assumption: In 2009 missionaries were guiding and funding groups[^flyer], and ten to fifteen people a week were leaving through Yunnan[^dailynk-2012-yunnan]. We assume three in five of the children who ask get a place within months, three in ten wait a year or more, and fewer than one in ten is picked up in the meantime. No source gives these rates.
  background: [^flyer] [^dailynk-2012-yunnan]
  62% -> ch_group
  30% -> ch_hiding
    ~ years_hidden += 1
  8% -> ch_arrest

## ch_church_wait_2019
place: yanji
title: Waiting for a place

chance:
  assumption: By the mid-2010s most escapes were paid for by relatives in the South[^wapo-2016-fifield], and arrivals in 2019 were about a third of 2009's[^mou-settlement]. We assume a boy with no relatives gets a place less often (40 %, against 62 % in 2009), waits longer more often (47 %), and is picked up somewhat more often while he waits (13 %). No source gives these rates.
  background: [^wapo-2016-fifield]
  40% -> ch_group
  47% -> ch_hiding
    ~ years_hidden += 1
  13% -> ch_arrest

## ch_group
place: yanji
title: The minibus

{once: One evening the pastor tells you to come at four in the morning and bring nothing. There is a minibus in the yard with its curtains drawn, and inside it a grandmother, a young woman with a baby, two teenage girls and a driver who does not speak. The pastor has paid for your place. You owe him nothing, he says, and he gives you a bag of bread for the road. | The call comes again, months later: four in the morning, the yard, a minibus with its curtains drawn. This time you know the way down the stairs in the dark, and this time there is a place with your name on it.}

{once: Many of the North Koreans on these journeys have never been in a motor vehicle, and the swaying minibus makes them sick;[^flyer] the grandmother is sick before you leave the city. The first stop is Shenyang, where others are waiting.}

{once: {if year == y2009: In 2009, the year you left Hyesan, 2,914 North Koreans reached the South, more than in any other year. | In 2019, the year you left Hyesan, 1,047 North Koreans reached the South, about a third of the number ten years before.}[^mou-settlement]}

{if companion: At the last minute the pastor takes you aside. There is a second group in a few months, he says. Kwang-il is small, and a little boy is easier to hide in a group of women than two boys are. He could go now, with these people, and you could follow with the next group. Or you can both go now, and take your chances together. | You climb in and sit by the window, and the grandmother hands you a sweet without a word.}

* Get in the minibus{if companion: , together} -> railroad_start
* Let Kwang-il go ahead now, and wait for the next group yourself -> ch_hiding if companion
  ~ companion = false
  ~ years_hidden += 1

## ch_mongolia_talk
place: yanji
title: The older boys

{once: There are four of them, sixteen to nineteen, and they talk about nothing but the north. The oldest, Yong-ho, knew a boy from Hyesan who went that way and telephoned a year later from Seoul, or so he says. You cross China by train, far to the west, he says, and then you go out into the desert on the Mongolian side and wait for the soldiers to find you. Mongolia does not send North Koreans back: it hands them to the South Korean embassy, so being arrested there is the way in.[^demick-2009] Nobody has to lead you on foot through the jungles of Laos, as they do on the southern road.[^flyer] There is only the train, and the desert. | The older boys are still talking about the north, fewer of them now. Yong-ho tells it again, for you: the train, the desert, the soldiers who do not send you back. | Yong-ho is the only one left of the boys who talked about the north. The others went, he says, and he will go too, soon. | Yong-ho has stopped talking about the north. When you ask, he looks away and says he is waiting for the right time.}

{once: What Yong-ho does not say, one of the others says later, when he has gone: a group once ran out of water in the Gobi, and a ten-year-old boy died.[^demick-2009] {if companion: Kwang-il is {11 + years_hidden as words}. He is listening.}}

{if health <= 1: {once: Yong-ho listens to you coughing and shakes his head. Nobody waits for anyone in the desert, he says; get well first. | You are still coughing, and Yong-ho still shakes his head.} | {once: The boys are going to ask a missionary about the fares. They will not wait for anyone who cannot keep up, Yong-ho says, and he looks at you as he says it. | The missionary has found the fares, Yong-ho says, for those who are ready.}}

* Take the way north{if companion: , with Kwang-il} -> mongolia_start if health >= 2
* Take the way north, and leave Kwang-il with the pastor for a group south -> mongolia_start if health >= 2 and companion
  ~ companion = false
* Not this time -> ch_hiding_year

## ch_broker
place: yanji
title: The broker

{seq: The woman who sells cigarettes at the station says she knows someone. He meets you in a noodle shop: a North Korean, once a defector himself, with a good coat and two phones. | The broker meets you in the same noodle shop, with the same two phones. He remembers you, or says he does. | The broker has a third phone now. He orders for both of you without asking. | The broker is not surprised to see you. People come back to him, he says; it is the only way out that does not need a church.}

{seq: He will take you to Thailand with one of his groups, he says, and you pay nothing now. You pay him later, out of the settlement money South Korea gives new arrivals; part of that money often goes to brokers this way.[^globalpost-2011-brokers] {if year == y2009: His price is about $2,500, close to what the BBC found brokers charging for the road from China to the South.[^bbc-2011-fees] | His price is about two million won, a little under $2,000, close to what the *Korea Times* reported for the road from China to South-East Asia.[^koreatimes-2016-fees]} | His terms have not changed: nothing now, and the money later, out of the settlement grant. | He names the same terms as before, and waits. | The terms, he says, are the terms. They will not get better.} {if cash == 0: You have nothing at all. | You have {cash as USD}.} {if companion: {once: He will take Kwang-il on the same terms, as a debt of Kwang-il's own, to be paid out of his own settlement money.}}

{once: You have heard what people say about brokers: that some keep their word and some do not, and that you only find out which on the road.}

* Agree, and owe him the money -> railroad_start if year == y2009
  ~ debt += 2500
* Agree, and owe him the money -> railroad_start if year == y2019
  ~ debt += 2000
* Say no -> ch_hiding_year

## ch_hiding
place: yanji
title: Hiding in Yanji

{if years_hidden == 0: You find a place to sleep in the boiler room under a block of flats, where the caretaker pretends not to see you. You learn the streets, and which faces to avoid. | {if years_hidden == 1: A year has gone. You are taller, and your Chinese is good enough to buy food and to be sworn at. You work where you can: washing dishes in the back of a restaurant, unloading lorries at the market, always for cash and never on any list. | {if years_hidden == 2: Two years have gone. You are not a child any more, and nobody gives you anything for free now; your Chinese is good enough to argue about wages. | {if years_hidden == 3: Three years have gone. You have a regular place now, unloading at the market before dawn, and a boss who pays on Saturdays and asks nothing. | {if years_hidden == 4: Four years have gone. You have stopped growing, and people have stopped guessing your age; you are just one more man at the market. | Five years have gone.}}}}} {if companion: {if years_hidden <= 1: Kwang-il is with you. | {if years_hidden == 2: Kwang-il has grown, too, and speaks Chinese better than you; sometimes, to your surprise, he dreams in it. | {if years_hidden == 3: Kwang-il has found work of his own, at a bakery that opens at four. You see him at night, smelling of bread. | {if years_hidden == 4: Kwang-il talks about the South less than he used to, and about the girl at the bakery more. | Kwang-il has a room of his own now, above the bakery, and a key he shows you as if it were a passport.}}}} | {once: You think about Kwang-il, and wonder where he is now. | Sometimes, in a crowd, you think you see Kwang-il, and it is always someone else. | You have stopped looking for Kwang-il in crowds. You have not stopped thinking about him.}}

{if years_hidden == 0: Like most North Koreans in China, you live in hiding and work without papers; there is no school for you, and no doctor.[^pbs-2009] | {if years_hidden == 1: The pastor's church has moved twice. The older boys still talk about Mongolia. And a woman at the station says she knows a broker who will take you now and be paid later. | {if years_hidden == 2: The older boys who talked about Mongolia have gone, two of them, and one came back over the bridge in a Chinese van. The broker's woman is still at the station. | {if years_hidden == 3: A new pastor runs the church now; the old one was sent home to South Korea. The broker's woman asks after you whenever you pass. | {if years_hidden == 4: You have been here long enough to have seen every way out tried, and every way out fail, and some of them work. | {if years_hidden >= 5: Nobody at the station remembers you as a new boy any more. The new boys are someone else.}}}}}} {if risk >= 3: {seq: Too many people know who you are: the men you have worked for, the police who have looked at you once too long. | More people know your face than you would like, and you know it. | You keep a list in your head of everyone who could give you away. It gets longer. | There are days when it seems the whole city knows who you are. | You have stopped counting the people who know.} | {once: You are careful, and so far it has been enough.}}

-> end_street_years if years_hidden >= 5

* Go to the pastor's church and ask for a place in a group south -> ch_church_wait
* Find the older boys who talk about Mongolia -> ch_mongolia_talk if years_hidden >= 1
* Ask the woman at the station about the broker -> ch_broker if years_hidden >= 1
* Keep your head down for another year -> ch_hiding_year
* Stop looking for a way out; this is your life now -> end_street_years if years_hidden >= 2

## ch_hiding_year
place: yanji
title: Another year

{seq: You stay where you are and do not take chances. You work, you sleep, you keep away from the police and from people who ask questions. {if companion: You keep Kwang-il away from them too.} The seasons turn. Every few months someone you know disappears: gone south, or gone back across the bridge, and nobody is sure which. | Another year of lying low. You change where you sleep when the weather changes, and work wherever the pay comes in cash. {if companion: Kwang-il grows out of his shoes twice.} | A cold year: the boiler room floods, and you spend the worst of the winter in a stairwell with three Chinese boys who ask no questions either. | A quiet year, which is the best kind. You learn to fix bicycles, and a man at the market pays you for it. | A year in which nothing happens to you, and a great deal happens to other people.}

chance:
  assumption: A year lying low, not moving. We assume about one in twenty is found by police in a year; no source gives a rate. The Human Rights Watch estimate of 10,000 to 300,000 people in hiding[^hrw-2002-exodus] shows many stayed hidden for years.
  95% -> ch_hiding
    ~ years_hidden += 1
    ~ health += 1
    ~ risk -= 1
  5% -> ch_arrest

## ch_arrest
place: yanji
title: Stopped in Yanji

It happens on an ordinary day. {if years_hidden >= 2: After all this time you have grown careless, or perhaps someone has talked. | You are not careful enough, or someone has talked.} Two policemen stop you in the street and ask for your papers, and you have none. One of them says something into his radio. {if companion: Kwang-il runs, and you do not know whether he got away; then you see them leading him back.}

At the station they take your photograph and your fingerprints. Nobody hits you. Nobody tells you what happens next, but you know: the Chinese police send back the North Koreans they catch.[^pbs-2009]

-> caught_in_china

## ch_arrest_farm
place: yanji
title: The police car

It comes up the farm track in the middle of the afternoon, behind the man's own car, and parks by the pig pens. The man does not get out. He sits at the wheel, looking at his hands, while two policemen walk across the yard towards the shed.

{if companion: You shout to Kwang-il to run, but there is nowhere to run to but the open fields, and they bring him back within a few minutes.} They ask for your papers, and you have none. Nobody mentions the wages. At the station they take your photograph and your fingerprints, and nobody tells you what happens next. You know anyway: the Chinese police send back the North Koreans they catch.[^pbs-2009]

-> caught_in_china

## end_street_years
place: yanji
ending: hiding
title: Still in Yanji

You are {if years_hidden <= 2: eighteen | {if years_hidden == 3: nineteen | twenty}} now, or thereabouts: nobody has ever written down your birthday. You have stopped being a street child, and become a young man without papers in a Chinese city, working for cash in places that do not ask. You speak Chinese well enough to pass for a moment, until someone asks where you are from. {if companion: Kwang-il lives with you, and calls the city home. | You have heard nothing of Kwang-il.}

You still think about the South. You still do not go. Every year you are here is a year nobody has caught you, and that has started to feel like a reason in itself.

epilogue:
Human Rights Watch estimated in 2002 that between 10,000 and 300,000 North Koreans were hiding in China, most of them in Jilin.[^hrw-2002-exodus] They work illegally and have no schooling or medical care, and if they are caught, China sends them back.[^pbs-2009] Most of the people who reached the South in recent years had left the North before 2020 and spent years in China or other countries first, most of them more than five.[^joongang-2025-recent] Those who did leave were not always safe either: in May 2013 Laos arrested nine young orphans, aged 15 to 23, and they were flown back through China to Pyongyang.[^chosun-2013-laos][^latimes-2013-laos] The makers of *The Defector* called them kotjebi, like Chol.[^defector-blog]

After 2020 North Korea sealed the border, with an order to shoot anyone who came within a kilometre of it.[^rfa-2020-shoot] The UN Special Rapporteur estimated that more than 2,000 North Koreans were held in detention in China in 2023.[^yonhap-2023-rapporteur] On 9 October 2023 China sent more than 500 people back in a single night, Changbai among the crossing points, Radio Free Asia reported;[^rfa-2023-october] Justice for North Korea, reported by Yonhap, put the figure at about 600.[^yonhap-2023-jfnk] Human Rights Watch, relying on a single source, says at least 1,076 people have been returned since 2020.[^hrw-2025-returns] Activists say a broker now charges up to $85,000.[^kbs-2024-fees]

*Chol is a composite, drawn from documented cases of children who lived on the streets (kotjebi). He is not one real person.*
