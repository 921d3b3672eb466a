// Mi-ok's chapters: Musan, the Tumen, and the years in China.
// Exits: railroad_start, mongolia_start, embassy_start, caught_in_china (other chapters).
// Endings owned here: end_years_in_hiding (hiding), end_stayed_home (stayed).
// Variables set here: season, debt, cash, risk, companion, health, child, years_hidden.
// `child` is true only while Mi-ok's China-born son is with her: leaving him sets it false.
// `debt` is what she owes a broker: the crossing fee (by year), plus a guard's share if
// she pays one. A woman who is sold owes nothing more: the buyer paid the broker.
# Mi-ok {#mi-ok}

## mi_ok_start
place: musan
title: The market in Musan

You sell dried fish and cooking oil from a plank table at the market in Musan. From the
end of the row you can see the Tumen River, and on the far bank the Chinese town of
Nanping, where the lights stay on at night.

You are thirty-four. Your husband died three winters ago, and your son, Song-ho, is
twelve. The fish you sell was bought on credit, and so was last month's, and the woman
who lends you stock has started to count out loud when she passes your table.

This morning Ok-sun, who sells next to you, leans over the oil jars. A woman she knows
has a cousin who finds work for women across the river. Restaurant work, she says, in
Yanji. Good wages, sent home every month. Nothing to pay now: the fee comes out of what
you earn.

You know women who have gone. Most of the people who reach South Korea from the North
are women,[^mou-settlement] and more than three in four come from two provinces on the
Chinese border: North Hamgyong, where you live, and Ryanggang.[^nknews-2017-provinces] On
paper you are a housewife, and women registered as housewives are watched less closely
than men who must report to a state workplace.[^upi-2015-women] If you stop coming to
the market, it will be a while before anyone asks why.

{if year == y2009: Ok-sun says the women who went last spring send money home. | Ok-sun speaks more quietly than she used to. Since 2015 there has been barbed wire on the Chinese bank near Musan, and everyone knows someone who was sent back.[^asiapress-2022-fence]}

* Tell Ok-sun you want to meet her friend's cousin -> mo_broker
* Talk to your sister before you say anything -> mo_sister

## mo_sister
place: musan
title: Your sister's kitchen

Your sister Mi-hyang lives four streets from the market, with her husband and two
daughters in two rooms. She listens with her hands in the washing-up water and does not
look at you until you have finished.

She will take Song-ho, she says. Of course she will. He can sleep with the girls, and
when the money comes she will keep a record of every note. Then she dries her hands and
sits down across from you.

"Restaurant work," she says. "Who has seen this restaurant?"

Nobody has. Ok-sun has not. The cousin's friend has not, or will not say. Mi-hyang has
heard of women from the next district who went across for work and have not written
since, and she does not know whether that means anything. Neither do you.

"If you go," she says, "go because there is nothing here. Not because of a story about
wages."

Song-ho comes in from the yard with his cousins, loud and muddy, and the two of you
stop talking. He asks whether there is anything to eat. There is a little. You watch him
eat it and think about the stock you owe for, and the winter coming, and how tall he has
got.

* Ask her to keep Song-ho, and go to the broker -> mo_broker
* Let her talk you out of it, for now -> mo_doubt

## mo_doubt
place: musan
title: Another season

You tell Ok-sun you are not ready, and for a few weeks you feel lighter.

Then the woman who lends you stock stops counting out loud and simply stands at your
table until you give her what you took in that day. The price of maize goes up. Song-ho
needs shoes. At night you lie awake doing the same sums in a different order, and they
never come out.

{if year == y2009: You were twenty when the famine came. It began the exodus across these rivers in the mid-1990s, and PBS puts its toll at up to a million lives.[^pbs-2009] You remember who in your street did not live through it, and you remember that the ones who went to China were the ones who sent back food. | You were a child in the famine years. It began the exodus across these rivers in the mid-1990s, and PBS puts its toll at up to a million lives.[^pbs-2009] You remember little except that some people in your street went to China, and their families ate.}

Ok-sun has not asked again. But she is still there at the next table every morning, and
she still knows the woman with the cousin.

* Go back to Ok-sun after all -> mo_broker
* Stay in Musan, with your son -> end_stayed_home

## mo_broker
place: musan
title: The broker's friend

The woman meets you in Ok-sun's back room. She is about fifty, well dressed for Musan,
and talks fast. There is a restaurant in Yanji, she says, run by people she knows. You
will wash dishes, then wait tables when your Chinese improves. A man on the other side
will meet you and drive you there. The fee is taken from your wages until it is paid.

{if year == y2009: She does not say how much, only that it is the usual price. In 2011 the BBC put the usual price of being taken from North Korea into China at about $3,500.[^bbc-2011-fees] | She names the sum without embarrassment. Broker fees doubled under Kim Jong-un, to about $8,000 by 2015, and that bought only the crossing into China.[^reuters-2015-fees] Most people who get out now are brought out by relatives already in the South, who pay for it.[^wapo-2016-fifield] You have no one in the South.}

When you ask the name of the restaurant, she smiles and says you will see it soon enough.

Then she asks when you want to go. The Tumen here is shallow and narrow, not like the
Yalu to the west.[^nyt-2006-rivers] In summer people wade and swim it; in winter they
walk across the ice.[^wapo-2007-harden] But while the river is frozen the patrols are
heavier, until it thaws in March.[^dailynk-2013-ice] {if year == y2009: Before the Beijing Olympics China put up wire fencing along the shallow stretches.[^sunsentinel-2009-fence] | Now the wire on the Chinese bank runs along the stretch by Musan itself.[^asiapress-2022-fence]}

* Go soon, while the river is open and the nights are warm -> mo_farewell if year == y2009
  ~ season = summer
  ~ debt += 3500
* Go soon, while the river is open and the nights are warm -> mo_farewell if year == y2019
  ~ season = summer
  ~ debt += 8000
* Wait until the river freezes, when you have sold your winter stock -> mo_farewell if year == y2009
  ~ season = winter
  ~ risk += 1
  ~ debt += 3500
* Wait until the river freezes, when you have sold your winter stock -> mo_farewell if year == y2019
  ~ season = winter
  ~ risk += 1
  ~ debt += 8000

## mo_farewell
place: musan
title: The last evening

{if season == summer: The date is set for the dark of the moon, three weeks away. | The river freezes hard in the new year, and the date is set for a night in January.} You
sell what stock you can and pay the lender most of what you owe her, so that she will
have no reason to go looking for you.

What is left is a thin roll of notes, the only money you have ever managed to put aside.

On the last evening you take Song-ho to Mi-hyang's. You have told him you are going to
trade in another town for a while, and that his aunt is in charge. He is twelve and not
stupid. He looks at you for a long moment and asks nothing, and you are grateful, and it
is the worst part of the day.

Mi-hyang walks you to the corner. You tell her that the first wages will come within two
months. She says she knows.

The roll of notes is in your pocket. Left with your sister, it is food for Song-ho
through the winter. Sewn into the lining of your jacket, it is the only thing you will
have on the other side that nobody else controls.

* Press the money into Mi-hyang's hand, for Song-ho -> mo_guard
* Sew it into the lining of your jacket -> mo_guard
  ~ cash += 500

## mo_guard
place: musan
title: The guard

Two days before the date, the broker's friend comes to your door. There is a soldier on
the stretch you will cross who can be paid to look away, she says. His share would be
added to what you owe.

She also says, more quietly, that it is not a promise. {if year == y2019: Bribes for border guards have risen under Kim Jong-un, and there are more checkpoints and more rotations of the patrols; guards may take the money and still turn people in, according to the makers of the documentary *The Defector*.[^defector-blog] | Guards may take the money and still turn people in, according to the makers of the documentary *The Defector*.[^defector-blog] In your street people still talk about guards as men who can be dealt with.}

Without a guard's help, you will cross where and when the broker's people judge the
patrol to be thinnest, and hope they are right.

You owe {debt as USD} already, and you have not yet left your own town.

* Have the broker pay the guard, and add it to your debt -> mo_friend if year == y2009
  ~ debt += 500
* Have the broker pay the guard, and add it to your debt -> mo_friend if year == y2019
  ~ debt += 1000
* Cross without a guard's help -> mo_friend
  ~ risk += 1

## mo_friend
place: musan
title: Kyong-hui

Kyong-hui was in your class at school. Her husband was sent to work in the mines two
years ago and has not come back, and she sells noodles three rows from you. When you
tell her, she goes white and then asks whether there is room for one more.

There might be. But she needs time to sell her stall and settle what she owes, three or
four weeks at least, and the broker's friend frowns at the idea. Every week of waiting
is another week in which more people know. Another name on the broker's list. Another
neighbour who notices that two women have stopped buying stock.

On the other side, though, you would not be alone. Kyong-hui is quick and stubborn and
speaks a little Chinese from her mother's side. You have known her for twenty-five
years.

* Wait for Kyong-hui, and cross together -> mo_river
  ~ companion = true
  ~ risk += 1
* Go alone, on the night the broker has set -> mo_river

## mo_river
place: musan
title: The Tumen

{if season == summer: The night is warm and there is no moon. You leave your shoes on and tie your bundle to your shoulders. Down the bank the grass is wet and the river is louder than it is by day. The water is cold, and at the deepest point it reaches your chest, and the current leans on you the whole way. | The night is clear and so cold that your breath freezes on your scarf. The ice is grey and ridged, and it creaks under you. You walk bent over, as the broker's man told you, one careful step after another, listening for the crack of thin ice and for boots on the bank.}

{if companion: Kyong-hui is a step behind you the whole time. Once she grips your sleeve, and you both stop and wait, and whatever she heard does not come again. | You are alone. The broker's man pointed the way and turned back before you reached the water.}

You think of nothing. You had expected to think of Song-ho, or of your husband, or of
what you are doing, but there is only the next step and the next, and the dark shape of
the far bank getting no nearer, and then, all at once, nearer.

The far bank is close. It is always closer than it looks.

-> mo_cross_2019_high if year == y2019 and risk >= 2
-> mo_cross_2019_low if year == y2019
-> mo_cross_2009_high if risk >= 2
-> mo_cross_2009_low

## mo_cross_2009_low
place: musan
title: The far bank

Nothing moves on either bank. {if risk == 0: Somewhere behind you a soldier you will never see is looking the other way. | The patrol, if there is one, is somewhere else tonight.}

chance:
  assumption: No source gives the share of people arrested at the Tumen. PBS reports up to 100,000 crossings in the decade before 2009; we take about one in twelve caught on the far bank or soon after for a crossing with few risks (a paid guard, or the open river in summer).
  background: [^pbs-2009]
  92% -> mo_nanping
  8% -> mo_caught_border

## mo_cross_2009_high
place: musan
title: The far bank

Halfway across, a torch beam swings along the far bank and stops. You lie flat and wait
until it moves on. It seems to take a very long time.

chance:
  assumption: More risks stacked together (winter patrols, no paid guard, a crossing delayed while more people knew) roughly double the rate for an easy crossing: about one in seven caught.
  background: [^dailynk-2013-ice] [^defector-blog]
  85% -> mo_nanping
  15% -> mo_caught_border

## mo_cross_2019_low
place: musan
title: The far bank

The wire on the Chinese side has a gap where the broker's man said it would. You go
through it on your knees.

chance:
  assumption: By 2019 there was wire on both banks near Musan and the border had tightened enough to double broker fees; we take the rate for an easy crossing to be about twice that of 2009, a little under one in five.
  background: [^asiapress-2022-fence] [^reuters-2015-fees]
  82% -> mo_nanping
  18% -> mo_caught_border

## mo_cross_2019_high
place: musan
title: The far bank

The wire on the Chinese side is new and tight, and it takes you a long time to find a
way through. Lights move on the road above the bank.

chance:
  assumption: Fences, higher bribes and guards who may still turn people in, on top of winter patrols or no paid guard: we take a little over one in four caught.
  background: [^asiapress-2022-fence] [^defector-blog]
  72% -> mo_nanping
  28% -> mo_caught_border

## mo_caught_border
place: nanping
title: Caught on the far bank

You are on Chinese soil for less than an hour. {if season == winter: On the frozen field above the bank a truck is waiting with its lights off. | In the maize above the bank, a truck is waiting with its lights off.} The men who step out of it wear Chinese uniforms, and they are not surprised to see you. {if risk == 0: You will never know whether the soldier you paid also sold the news of your crossing, or whether this was simply bad luck. | You will never know whether someone talked, or whether this was simply bad luck.}

{if companion: They take Kyong-hui's arm as well, more gently than you expect. Neither of you says anything. | You say nothing. There is nothing useful to say.}

Chinese authorities send the North Koreans they catch back across the border, where
they face persecution and, PBS reports, torture and even execution in prison
camps.[^pbs-2009] The broker's friend, the restaurant, the wages, the debt of {debt as USD}: all of it belongs, suddenly, to another life.

-> caught_in_china

## mo_nanping
place: nanping
title: Nanping

On the far bank a man is waiting, as promised. He takes you through the fields to a
house on the edge of Nanping, where a woman gives you dry clothes, Chinese ones, and a
bowl of rice with an egg on it. Nobody asks your name.

{if companion: In the morning two cars come instead of one. The man says the restaurant only needs one woman this week; Kyong-hui will go to a different place, a good one, and you will see each other soon. Kyong-hui holds your hands at the door. Then she gets into the other car. | In the morning a car comes for you.}

You are told to keep your head down and say nothing at checkpoints. The driver speaks
Korean with an accent you have not heard before. He plays Chinese pop songs, and talks
on his phone, and does not look at you in the mirror.

You have been told this is the road to Yanji. After an hour you are less sure. Most
North Korean women in China are trafficked: into forced marriage, into the sex trade or
into exploitative work. The *Virginia Journal of International Law* puts it at 70 to 80
per cent of refugee women.[^vjil-2010-trafficking] Nobody told you this in Musan.

chance: [^vjil-2010-trafficking]
  basis: the article[^vjil-2010-trafficking] puts the share of North Korean refugee women who are trafficked at 70–80 %; the story takes the middle, 75 %. The other quarter reach the work they were promised, hidden and poorly paid.
  75% -> mo_sold
  25% -> mo_work

## mo_sold
place: yanji
title: The house at the end of the track

The car leaves the highway, then the paved road, and stops in a farmyard at the end of
a dirt track. There is no restaurant. There is a man of about forty-five, and his
mother, and a dog on a chain.

The driver explains in Korean, not unkindly, as if he has done this many times. The man
has paid. The fee you were to work off in Yanji has been paid by him instead; you owe the
broker nothing now. You are his wife. If you run, the police will take you, and the
police send North Koreans home.

North Korean women are sold into forced marriages with men in China's poorer villages,
sometimes to pay off their families' debts back home.[^flyer] In China men outnumber
women by more than 33 million, and that demand for brides is part of why the trade
exists.[^usatoday-2017-brides] You learn these things later. That first night you know
only that the door is locked from the outside, and that the man's mother brings you
soup, and will not meet your eyes.

{if companion: You do not know where they took Kyong-hui. You are afraid you do.}

The man is not cruel, most days. He works the maize and drinks in the evening. His
mother teaches you, with gestures, to cook the way he likes. After a month the door is
no longer locked.

~ debt = 0

* Stay for now: learn the way to the road, the bus times, the language -> mo_village
* Run at the first chance you get -> mo_run

## mo_run
place: yanji
title: The road

You go on a night when the man has drunk more than usual. You walk along the dirt track
in the dark, then along the road, and when lights come you lie in the ditch until they
pass. By morning your feet are bleeding inside your shoes and you have a cough that will
not go away for weeks.

{if cash > 0: The notes sewn into your jacket buy you a seat on a minibus, and you sit at the back with your face to the window. | You have no money. You walk, and beg a lift from a farmer with a cart, and walk again.}

You do not have papers, and you do not speak enough Chinese to pass for anyone but what
you are.

~ health -= 1

-> mo_run_money if cash > 0
-> mo_run_2019 if year == y2019

chance:
  assumption: No source gives the odds of a runaway bride reaching a city unnoticed. We take four in five in 2009 for a woman on foot without money or papers, a little better than the odds of an easy river crossing with nobody yet looking for her; money for a bus raises it, and the tighter controls under Kim Jong-un lower it.
  80% -> mo_work
  20% -> mo_caught_china

## mo_run_money
place: yanji
title: The minibus

The minibus stops twice. The first time, a policeman looks along the rows and gets off
again. The second time, nobody gets on at all.

chance:
  assumption: A bus ride instead of days on foot shortens the time in which someone can report you; we take about nine in ten.
  90% -> mo_work
    ~ cash -= 500
  10% -> mo_caught_china
    ~ cash -= 500

## mo_run_2019
place: yanji
title: The checkpoint

There is a checkpoint now on the road into town, where there was none before, with a
camera on a pole.

chance:
  assumption: No source gives these odds. Under Kim Jong-un controls tightened on both sides of the border, with more checkpoints (The Defector's makers); on foot, without papers, we take about seven in ten to get through.
  background: [^defector-blog]
  70% -> mo_work
  30% -> mo_caught_china

## mo_caught_china
place: yanji
title: Taken

{if years_hidden == 0: It happens at the edge of the town, at a table by the road where two policemen are checking the cards of everyone who passes. You do not have a card. One of them says something to the other, and they both look at you, and that is all. | It happens on an ordinary morning. There is a knock, and then the door opens before anyone answers it. Someone has talked, or someone was checking every house in the street; you never learn which.}

Chinese authorities send the North Koreans they catch back across the border.[^pbs-2009]
{if years_hidden > 0: You have been in China for more than {years_hidden as words} {if years_hidden == 1: year | years}, long enough to have a life here, and none of it counts.}

-> mo_parting if child
-> caught_in_china

## mo_parting
place: yanji
title: At the gate

Your son is in his grandmother's arms. She holds him at the gate and turns him away so
that he will not see the car, and he cries all the same. He will stay here, with his
father, in a country that has no record of him. You do not know when you will see him
again, or whether you will.

~ child = false

-> caught_in_china

## mo_work
place: yanji
title: The kitchen

{if debt == 0: You reach Yanji with nothing. A woman selling vegetables at the bus station hears your accent, looks at your shoes and, without being asked, tells you about a restaurant that needs someone for the dishes and does not ask for papers. | The driver keeps his word, in a way. There is a restaurant, in a back street of Yanji, and it does need someone for the dishes. What nobody mentioned is that your wages will be kept to pay off the {debt as USD} the owner says you now owe him, and that it will take years.}

You work from six in the morning until the last table leaves, and you sleep in the
storeroom on a mat between sacks of rice. You have no papers. Like most North Koreans
in north-east China, you live in hiding and work illegally, with nowhere to go if you
fall ill.[^pbs-2009] When the police come to eat, you stay in the kitchen.

The owner's wife is sharp with you but not unfair. The old cook, a woman from somewhere
in the south of China, teaches you the names of things. Once, when you are alone, she
mentions a church where people like you can go, and then talks about something else.

You think about Song-ho every day, at all hours, in the middle of other thoughts.

* Keep your head down and work -> mo_year
* Ask the old cook, quietly, about the church -> mo_church
  ~ risk += 1

## mo_village
place: yanji
title: The village

You stay. You learn the road to the township, and which bus goes to Yanji, and enough
Chinese to buy salt. You learn which neighbours will report a North Korean woman and
which will not. By the end of the first winter you are pregnant.

Your son is born in the spring, in the house, with the man's mother and a neighbour's
wife to help. He is small and loud and perfect. His grandmother gives him a Chinese name.
You give him a Korean one, and use it only when you are alone with him.

He has no household registration, because you have none to give him. Children like him,
born to North Korean mothers and Chinese fathers, often go without the *hukou*, China's
household register, and without it they cannot go to school or get health
care.[^statelessness-observatory] The man says he will see to it, one day, when he has
the money for the officials. He does not say how much.

Everyone in the village knows what you are now. One of them is a woman from Hoeryong,
sold to a farmer on the other side of the hill ten years ago. She comes by sometimes with
eggs. Once she says that there are people in Yanji, church people from South Korea, who
help women like you get out.

~ child = true
~ risk += 1

* Keep the baby close, and wait -> mo_year
* Ask the woman from Hoeryong how to find the church -> mo_church
  ~ risk += 1

## mo_year
place: yanji
title: Another year

~ years_hidden += 1

{if child: {if years_hidden == 1: Your son learns to walk holding on to the dog's chain. | {if years_hidden == 2: He talks now, in Chinese to his father and in Korean to you, and he does not know yet that these are two different things. | {if years_hidden == 3: He runs everywhere now, faster than the dog, and he has started to ask why the other children carry school bags and he does not. | {if years_hidden >= 4: He can keep a secret now, and you have given him one: the Korean letters, practised at the kitchen table as a game, never in front of his father.}}}} | {if years_hidden == 1: You learn to carry four plates on one arm and to keep your eyes down when the police come in to eat. | {if years_hidden == 2: The owner trusts you with the till now. You have a cheap phone, a second-hand coat, and no name that anyone could write on a form. | {if years_hidden == 3: The cook who taught you the names of things goes home to the south of China, and you take her place at the stove. Nobody asks whether you mind. | {if years_hidden >= 4: The restaurant is yours in all but name: you order the stock, you know the regulars, you hear the police coming before they reach the door.}}}}}

{if years_hidden == 1: A year. Each spring you tell yourself it is the last one. | {if years_hidden == 2: Two years. You no longer say out loud that this one will be the last. | {if years_hidden == 3: Three years. | {if years_hidden >= 4: Four years, and then it stops being a number you say.}}}} Song-ho is {if child: {13 + years_hidden as words} | {12 + years_hidden as words}} now. {if year == y2019 and years_hidden >= 2: {seq: You have had no word of him since the border closed. | Still no word from across the river. You tell yourself that no word means nothing has happened. | You have stopped waiting for word. You have not stopped listening for it.} | {seq: Mi-hyang's rare messages, passed from hand to hand across the river, say he is well and growing and asks about you. | Mi-hyang's messages still come, fewer of them: he is well, he is growing. | A message from Mi-hyang says he has left school to work at the market. She does not say whether he asks about you. | Mi-hyang's last message is three lines long. He is well. He is tall. He has stopped asking.}}

{if years_hidden == 1: Human Rights Watch once estimated that somewhere between 10,000 and 300,000 North Koreans were living hidden in China, most of them in this province, Jilin.[^hrw-2002-exodus] Nobody counts the women in the villages, or their children. | {if years_hidden == 2: You have stopped flinching at every car. It is the small things that give people away, the other women from the North say: an accent, a question answered too fast, a neighbour with a grudge.}} {if year == y2009: {if years_hidden == 3: Women who cross now bring news from home. Under Kim Jong-un the border has tightened on both sides, and far fewer people are getting out, according to a pastor quoted by the makers of *The Defector*.[^defector-blog] | {if years_hidden >= 4: In May 2013 Laos, which has usually questioned North Koreans for a week or two and then let them fly on, sends nine young defectors back to the North through China instead.[^dailynk-2013-laos][^chosun-2013-laos] The women you know talk of nothing else for weeks.}} | {if years_hidden == 1: In August 2020 North Korea orders its guards to shoot anyone who comes within a kilometre of the border.[^rfa-2020-shoot] The messages from Mi-hyang stop coming. | {if years_hidden == 2: In all of 2021, only 63 people reach South Korea from the North.[^mou-settlement] The road out is closed behind you and, it seems, ahead. | {if years_hidden == 3: North Korea has fenced its own bank of the river now, to match the Chinese wire.[^asiapress-2022-fence] | {if years_hidden >= 4: In October 2023 China sends more than 500 North Koreans back across the border in a single night, most of them women.[^rfa-2023-october][^tjwg-2023] After that, every knock on the door sounds the same.}}}}}

-> mo_check_high if year == y2019 or risk >= 2

chance:
  assumption: HRW put those in hiding at 10,000–300,000; the UN Special Rapporteur estimated more than 2,000 detained in China in 2023. If a few thousand of some tens of thousands are caught in a year, a careful woman whom few people know about runs a risk of about one in twenty each year.
  background: [^hrw-2002-exodus] [^yonhap-2023-rapporteur]
  95% -> mo_year_choice
  5% -> mo_caught_china

## mo_check_high
place: yanji
title: The checks

{if years_hidden == 1: A policeman comes to ask about {if child: the boy's registration | the new woman in the kitchen}, and goes away again with a packet of cigarettes. | {if years_hidden == 2: Someone a few streets away is taken in the night, a woman from Onsong you met once. For weeks you hardly go outside. | {if years_hidden == 3: A neighbour stops talking when you pass, and starts again when you have gone. | {if years_hidden >= 4: There are new cameras on the main road, and a new officer at the station who does not take cigarettes.}}}}

chance:
  assumption: Twice the yearly risk of a careful woman (one in twenty), for a woman many people know about, or for the years after 2019, when the border closed and China's mass returns grew: about one in ten each year.
  background: [^hrw-2002-exodus] [^yonhap-2023-rapporteur]
  90% -> mo_year_choice
  10% -> mo_caught_china

## mo_year_choice
place: yanji
title: What the year is for

{if child: Your son is {years_hidden as words} {if years_hidden == 1: year | years} old. {once: Every plan you make has him in it.} | {if cash > 0: {seq: You have {cash as USD} saved, in a tin under the rice sacks. | The tin under the rice sacks holds {cash as USD} now. | {cash as USD} in the tin. You count it on the nights you cannot sleep. | {cash as USD}: everything you have, in a tin that was made for tea.} | {seq: You have nothing saved; what you earn goes across the river or into the owner's ledger. | Still nothing saved. The money goes where it went last year. | Nothing in the tin again this year. | The tin under the rice sacks is still empty.}} {if debt > 0: {seq: By the owner's reckoning you still owe {debt as USD}. | The owner's ledger still says {debt as USD}. | {debt as USD}, the ledger says, as if it were a law of nature. | You no longer ask the owner what you owe. It is {debt as USD}; it is always {debt as USD}.} |}} {if years_hidden == 1: You have not stopped thinking about going. | {if years_hidden == 2: You still think about going, most nights, and most mornings you decide it can wait. | {if years_hidden == 3: You have been here long enough that going seems more frightening than staying. | {if years_hidden >= 4: Going frightens you more every year. So, lately, does staying.}}}}

{if child: {if years_hidden == 1: The boy's father talks about the school in the township, one day, as if wanting it were enough. Without a registration it is not. | {if years_hidden == 2: The boy's father has stopped talking about the school. He talks instead about the officials, and what they would want for a registration, and how much the maize will fetch this year. | {if years_hidden == 3: You watch the other children go past the gate in the mornings with their bags, and your son watches them too. | {if years_hidden >= 4: Your son asks you, in Korean, so that his grandmother will not understand, where you come from. You tell him: from across the river. He asks whether you will take him there.}}}} | {if year == y2019: {if years_hidden == 1: Every few months a woman who knows a broker used to come to the back door of the restaurant and take money across the river for a fee. Since the border closed she has stopped coming. Nothing goes across now, and you keep every note. | {if years_hidden == 2: The back door stays shut. Whatever you save stays in the tin, and Song-ho is on the other side of a river nobody crosses. | {if years_hidden == 3: Someone says the woman who carried money across is in prison on the other side; someone else says she is dead. Nobody says it loudly. | {if years_hidden >= 4: You count the notes in the tin some nights, not because the number changes but because it is something to do with your hands.}}}} | {if years_hidden == 1: Every few months a woman who knows a broker comes to the back door of the restaurant and takes money across the river for a fee, to be handed to Mi-hyang for Song-ho. You never know how much arrives. | {if years_hidden == 2: The woman from the back door still comes every few months. Every note you send is a note you will not have when you need to run, and every note you keep is food Song-ho does not eat. | {if years_hidden == 3: A message comes back with the woman from the back door, in Mi-hyang's careful hand: the money arrived, most of it. Song-ho has grown out of his shoes again. | {if years_hidden >= 4: The woman from the back door brings a photograph this time, creased from a dozen pockets: a boy nearly as tall as his aunt, not smiling. You would have passed him in the street.}}}}}}

{if years_hidden == 1: The church the others talk about is still there, as far as anyone knows. So is the risk of asking for it. | {if years_hidden == 2: Another woman from the North goes to the church and does not come back to the restaurant. Nobody knows whether she got out or got caught. | {if years_hidden == 3: The church has moved, the cook says, but it still takes people in. You could find it in an afternoon, if you were ready to be found. | {if years_hidden >= 4: You know exactly where the church is now. You have walked past its door more than once, and not gone up.}}}}

* Another year: send what you can spare to Song-ho -> mo_year if not child and years_hidden < 4
* Another year: save every coin for the road -> mo_year if not child and years_hidden < 4
  ~ cash += 500
* Another year, until the boy is bigger -> mo_year if child and years_hidden < 4
* Find the church -> mo_church
* Stop looking for a way out; make what life you can here -> end_years_in_hiding if years_hidden >= 3

## mo_church
place: yanji
title: The church upstairs

{seq: The church is two rooms above a shop in Yanji, with a cross that cannot be seen from the street. The man who meets you is from South Korea. Everyone calls him the deacon. He gives you tea and lets you cry, and then asks careful questions: where you are from, who knows you are here, whether anyone is looking for you. | You climb the stairs above the shop again. The deacon pours the tea as if you had never left, and asks what has changed since the last time. | The deacon has moved the cross to the back room; someone complained about the singing. He finds you a chair and waits for you to speak first. | You know the stairs by now, and the deacon knows your step on them. He does not ask why you have come back. He knows.}

{once: Missionaries from South Korea lead North Koreans out of China and even pay for their escapes, often against the law of the countries they cross.[^flyer] The deacon does not pretend this is safe, for you or for him. If the Chinese police find you here, they will close the church and send you home.}

{if companion: {once: Then he says a name, and a woman comes in from the other room, and it is Kyong-hui. She is thinner, and has a scar on her chin that was not there before, and she got out of wherever they took her on her own. She has been waiting for a place on the road out. She will not go without you, she says, now that she has found you. | Kyong-hui is still here, still waiting. She has learned to make the tea the way the deacon likes it.} |}

{seq: {if year == y2019: He tells you plainly that it has got harder. Broker fees have doubled under Kim Jong-un, and fewer people reach the South each year than did ten years ago.[^reuters-2015-fees][^mou-settlement] | He tells you that people have left from here before, and that he will not send you until he thinks the way is open.} | Nothing has changed, he says, except the price, and the price always changes. | He has sent one group south since you were last here. He does not say whether it arrived, and you do not ask. | This time he does not talk about the road at all until you ask.}

-> mo_child if child

* Ask how people get out -> mo_routes
* Not yet; go back before you are missed -> mo_year if years_hidden < 3

## mo_child
place: yanji
title: The boy

{seq: The deacon asks about your son and listens to the answer for a long time. | The deacon asks about the boy again. He has grown since you last sat here, and the deacon says so. | The deacon does not need to ask about the boy this time. You tell him anyway.}

{once: He can try to take the boy with you. Groups with small children and grandmothers do go, and walk through the night for ten hours or more when they have to, a National Geographic documentary showed.[^natgeo-laos-walk] But a child makes a group slower and louder, and he is not sure what waits for the boy at the end. Children born in China to North Korean mothers have no papers in China, and South Korea can refuse them because there is no proof they are North Korean. North Korea will not take them back, as the children of people it calls traitors.[^flyer]}

{once: If you leave him, he stays with his father and grandmother, in the only home he knows, without papers or school. If you take him, he goes where you go. | The choice is the one it was before: take him, leave him with his father's family, or stay. It has not got easier.}

{if years_hidden < 3: {seq: The deacon says you do not have to decide today. | "Not yet" is an answer too, the deacon says, for now. | He does not say "not yet" this time. He waits.} | The deacon says there may not be many more chances.}

* Take him with you -> mo_routes
* Leave him with his father's family, and go -> mo_routes
  ~ child = false
* Not yet; wait until he is older -> mo_year if years_hidden < 3
* Stay, for him -> end_years_in_hiding

## mo_routes
place: yanji
title: The ways out

The deacon unfolds no maps. He talks, and you listen. {if child: The boy sleeps on your lap. |} {if health < 3: He hears your cough and finds you medicine from a drawer. |} There are, he says, three ways.

The long way goes south, the whole length of China, to Laos and then Thailand, which
does not send North Koreans back.[^dailynk-thailand] Most people who leave China this way
cross out of Yunnan province; in 2012 missionaries estimated ten to fifteen crossings a
week.[^dailynk-2012-yunnan] After weeks or months of waiting and raising money, the
journey itself can take about ten days.[^chiangrai-times-route]

The other way goes north-west, to Mongolia, which hands North Koreans over to the South
Korean embassy.[^demick-2009] NK News puts the country about 800 kilometres from North
Korea.[^nknews-mongolia] The last stretch is the Gobi desert, where, Barbara Demick
writes, one group's water ran out and a ten-year-old boy died.[^demick-2009]

Then there is a third way, which the deacon mentions only because you will hear of it
anyway. A group in Shenyang is planning to rush the gate of a foreign consulate. It has
worked: in March 2002, 25 people pushed into the Spanish embassy in Beijing and were
later flown to Seoul.[^bbc-2002-spanish-embassy] It has also failed: in May 2002,
Chinese police dragged people back out of Japan's consulate in
Shenyang.[^japantimes-2002-shenyang]

Whatever you choose, the deacon's people will find the money, and you will owe it.
{if (cash > 0) or (companion): {if cash > 0: You have {cash as USD} of your own to add.} {if companion: Kyong-hui will go wherever you go.}}

* Take the long road south, towards Laos and Thailand -> railroad_start
* Go north-west, towards Mongolia -> mongolia_start
* Join the group going for the consulate in Shenyang -> embassy_start

## end_years_in_hiding
place: yanji
ending: hiding
title: Years

{if who == mi_ok: {if child: You stay. Your son starts running before you have decided anything, and then he is talking, and then he is old enough to ask why he cannot go to school with the other children. You teach him the Korean alphabet at the kitchen table, and tell him it is a secret game. | You stay. The restaurant changes owners and keeps you on. You send money across the river when you can, and do not know how much of it arrives.} Song-ho grows up without you, in Mi-hyang's rooms in Musan, and you are not there for any of it. Every year you tell yourself that next year you will find a way, and every year the reasons not to are a little heavier. You are not caught. You are not free. You live in the space between. | You stay where you are, hidden, and the years pass. You are not caught. You are not free.}

epilogue:
Human Rights Watch estimated in 2002 that between 10,000 and 300,000 North Koreans were
hiding in China, most of them in Jilin.[^hrw-2002-exodus] Most of the women among them
had been trafficked, into forced marriage, the sex trade or exploitative work, at a rate
the *Virginia Journal of International Law* put at 70 to 80 per cent.[^vjil-2010-trafficking]
Their children, born to Chinese fathers, often have no household registration, and so no
school and no health care.[^statelessness-observatory] Many stay for years: most of the
people who reached South Korea recently had left the North before 2020 and lived in China
or another country first, most of them for more than five years.[^joongang-2025-recent]

Since 2020 the choice has narrowed. North Korea closed its border and ordered guards to
shoot anyone within a kilometre of it.[^rfa-2020-shoot] On 9 October 2023 China sent more
than 500 people back in a single night, through crossings that included Nanping, across
from Musan;[^rfa-2023-october] more than 70 per cent of them were women.[^tjwg-2023] Human
Rights Watch, relying on one source, counts at least 1,076 people returned since
2020.[^hrw-2025-returns] Activists say the price of getting out of China has risen to as
much as $85,000.[^kbs-2024-fees]

{if who == mi_ok: *Mi-ok is a composite, drawn from documented cases of women from the border provinces. She is not one real person.*}{if who == chol: *Chol is a composite, drawn from documented cases of children who lived on the streets (kotjebi). He is not one real person.*}{if who == myong_su: *Myong-su is a composite, drawn from documented cases of North Korean loggers in Russia. He is not one real person.*}

## end_stayed_home
place: musan
ending: stayed
title: Musan

{if who == mi_ok: You stay. You borrow again, from a different lender, and sell cigarettes as well as fish, and get through the winter, and then the next one. Ok-sun's table is empty one morning and stays empty; nobody says where she has gone, and nobody needs to. Song-ho grows taller than you. Some years are better than others. You never find out what was at the end of the road to Yanji, and some nights you are glad. | You stay. The years pass, and you get through them, one winter at a time.}

epilogue:
More than three in four of the people who reach South Korea from the North come from
North Hamgyong and Ryanggang,[^nknews-2017-provinces] and most of them are
women.[^mou-settlement] Each of them left someone behind: a sister, a son, a neighbour
who stayed and lived with the gap. Leaving grew harder
in the years after 2009: according to a South Korean pastor quoted by the makers of *The
Defector*, the number fleeing fell by 44 per cent as the border tightened under Kim
Jong-un.[^defector-blog] China strung barbed wire near Musan in 2015, and North Korea
later fenced its own bank.[^asiapress-2022-fence]

In August 2020 North Korea closed the border and ordered its guards to shoot anyone who
came within a kilometre of it,[^rfa-2020-shoot] an order the commander of US forces in
Korea also described.[^kbs-2020-abrams] Arrivals in the South fell from 1,047 in 2019 to
229 in 2020 and 63 in 2021.[^mou-settlement] In January 2024 officials in Hyesan, another border city,
warned would-be defectors of imprisonment or execution by firing
squad.[^asiapress-2024-hyesan] For a woman in a border town now, staying is less a choice
than it was.

{if who == mi_ok: *Mi-ok is a composite, drawn from documented cases of women from the border provinces. She is not one real person.*}{if who == chol: *Chol is a composite, drawn from documented cases of children who lived on the streets (kotjebi). He is not one real person.*}{if who == myong_su: *Myong-su is a composite, drawn from documented cases of North Korean loggers in Russia. He is not one real person.*}
