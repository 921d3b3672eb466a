// Arrival in the South, and being sent back from China.
// Scene prefixes: ar_ (arrival), sb_ (sent back). Fixed interface scenes: seoul_arrival,
// caught_in_china, end_new_life, end_bringing_family, end_repatriated.
//
// Money is tracked in US dollars, as everywhere in the journey. The settlement grant is
// paid in won; it is converted at about 1,200 won to the dollar, the rate implied by
// koreatimes-2016-fees (12 million won, about $10,000): 6 million won is about $5,000
// (2009), 8 million won about $6,500 (2019). Wages and savings in the first year are
// narrative amounts, never stated as facts about pay in South Korea.
// The price of bringing a relative out: $6,000 in 2009 (bbc-2011-fees: about $3,500 to
// China plus about $2,500 from China to the South) and $12,000 in 2019 (wapo-2016-fifield).
//
// Reading `route`: thailand, mongolia, embassy (a consulate in China), vietnam, sea,
// russia (the consulate in Vladivostok). For Myong-su, route == sea means he came by boat
// with his wife and daughter. Chol's companion is Kwang-il who travels with him.

# Arrival {#arrival}

## seoul_arrival
place: seoul
title: Landing

{if route == thailand: Your last room in Thailand was a cell in the immigration detention centre in Bangkok, about 130 square metres for forty or fifty people.[^dailynk-thailand] Thailand does not send North Koreans back: after a fine or a few weeks in jail, they wait there until the South Korean embassy flies them out.[^dailynk-thailand][^theweek-2011] Reuters reported in 2007 that the road from the Chinese border to Bangkok usually took about a month, stretched that year to 45 days, and that the wait in Bangkok could drag out for months.[^reuters-2007-thailand]}{if route == mongolia: Two days ago you were in Ulaanbaatar. Mongolia hands the North Koreans it catches to the South Korean embassy[^demick-2009], and it was the embassy that put you on this plane.}{if route == embassy: For weeks the consulate's rooms were the only ground in China where no one could take you. Then permission came, and a car with curtained windows drove you to the airport. It has ended this way before: in March 2002, twenty-five people who pushed into the Spanish embassy in Beijing were later flown on to Seoul.[^bbc-2002-spanish-embassy]}{if route == vietnam: Your road ran south through Vietnam, and the plane left from the end of it. Others have come this way: in July 2004, 468 North Koreans were flown from Vietnam to Seoul, the largest single arrival there has been[^bbc-2004-vietnam], and leaked US cables from 2006 to 2008 describe Cambodia quietly running people on to Seoul.[^cambodia-cables]}{if route == russia: You walked into the South Korean consulate in Vladivostok in the clothes from the camp, and the consulate brought you here. About a hundred former loggers have reached Seoul since the mid-1990s, with the help of Christian activists.[^kirkpatrick-2012]}{if route == sea: There is no plane for you. A South Korean navy ship found your boat south of the Northern Limit Line and took it in tow{if who == myong_su: , your wife and daughter wrapped in the sailors' blankets}. Few leave the way you did: about 2 % of defectors have come out by way of Nampo and South Hwanghae, the Chosun Ilbo reported.[^chosun-2011-boat]}{if route == none_yet: The plane comes down through thick cloud, and the seat belt sign goes off with a chime.}

{if route == sea: The quay is wet and loud. | The wheels touch, and nobody in the cabin claps.} {if season == winter: The air outside is dry and bitterly cold, and the lights are on at midday. | The air outside is heavy and warm, and smells of diesel and rain.} You had imagined this moment so often that the real one feels thin.

What happens next has a set order, and the people who meet you explain it slowly. A South Korean mission abroad takes you under its protection{if route == sea: , though for you the navy did that part}. The National Intelligence Service leads the questioning. A council of 23 government agencies decides your case. Then twelve weeks at a place called Hanawon, and five years of support after that.[^yonhap-2020-resettlement][^mou-settlement]

{if who == chol: You are {15 + years_hidden as words}. {if companion: Kwang-il has not let go of your sleeve since the plane door opened. | You keep your hands in your pockets so no one sees them shake.}}{if who == mi_ok: You think of your son in Musan, and do the sum again: how far away he is now, in hours, in money.}{if who == myong_su: {if route == sea: Your daughter asks where the fishing boats are kept. | You think of the village in South Hwanghae. It is not far from here, as the crow flies.}}

-> ar_siheung

## ar_siheung
place: seoul
title: Questions in Siheung

The van stops in Siheung, outside a building with a guard at the gate. {if year == y2009: It opened only last year, as the Joint Interrogation Center.[^yonhap-2018-nis] | It opened in 2008 as the Joint Interrogation Center and has been called the Defector Protection Center since 2014; when it was renamed, questioning there usually took between a week and a month.[^yonhap-2018-nis]}

You get a small room, and three meals you do not have to earn. The questioner is polite and does not tire. He wants your home town and your school, your parents and their work, and {if who == myong_su: the years in the Russian forest, one at a time. | {if years_hidden >= 2: the {years_hidden as words} years in China, one at a time. | your time in China, day by day.}} {if papers: He turns the Chinese identity card you carried over in his fingers, asks who made it and what it cost, and keeps it.} {if child: He asks about your younger son, born in China, and writes for a long time.} {if risk >= 3: He asks about the people who knew what you were, the ones who helped and the ones who were paid. There were a lot of them.}

Some of it is easy to say. Some of it you have never said aloud, not even to yourself: {if who == mi_ok: the months in China you would rather forget, and what you did to get through them.}{if who == chol: the stealing, the nights in the station, the things you did to eat.}{if who == myong_su: the quotas in the forest, the men you left behind, the night you walked away.} He waits.

* Tell it all, in order, the parts that shame you too -> ar_hanawon
* Leave out what you cannot say yet -> ar_siheung_long
  ~ health -= 1

## ar_siheung_long
place: seoul
title: Weeks

A trained ear hears the gaps first. The questioner comes back to them from a new side each morning: a date that does not fit, a month with nothing in it.

{if year == y2019: Since February 2018 the centre may keep a person for 90 days at most, down from 180,[^yonhap-2018-nis] with one extension of 30 days if a council agrees.[^upi-2018-nis] You are nowhere near that, but you count the days anyway. | Nobody tells you how long this can last, and you do not ask.}

In the end you give him enough. Not all of it: the part you keep is yours. He closes the file and wishes you luck.

Keeping it back has cost you something that sleep does not repay. {if health <= 1: You have stopped eating properly, and the nurse frowns at the scales. | You are tired in a way you never were on the road, where there was no time to be.}

-> ar_hanawon

## ar_hanawon
place: hanawon
title: Hanawon


A council drawn from 23 government agencies reads your file and decides your case: you will be protected and settled.[^yonhap-2020-resettlement] A bus takes you to Anseong, 77 kilometres south of Seoul, to Hanawon, the government's settlement centre for people from the North, open since 8 July 1999.[^koreaherald-2019-hanawon]

The course is meant to last twelve weeks: 392 hours of classes.[^koreaherald-2019-hanawon][^mou-hanawon-process] {if year == y2009: In the peak years it was cut to eight weeks for a while[^koreaherald-2019-hanawon], and this is the peak of peaks: more people reach the South in 2009 than in any year before or since.[^mou-settlement] The corridors are crowded. | About 31,000 people have passed through it by this year.[^koreaherald-2019-hanawon] The corridors are quieter than they were ten years ago.}

{if who == mi_ok: Most of the women in your dormitory come from North Hamgyong or Ryanggang, as you do.[^nknews-2017-provinces] One of them knew your market in Musan.} {if who == chol: You are put with the other young people. {if companion: Kwang-il sleeps in the bed next to yours and wakes twice a night to check you are there. | The boy in the next bed is from Hoeryong and talks in his sleep.}} {if who == myong_su: The men's side is small: most of the people who reach the South are women.[^mou-settlement] {if route == sea: You see your wife and daughter at meals.}} {if child: Your younger son was born in China. A reporter who lived among defectors there writes that South Korea refuses children like him, for lack of proof that they are North Korean citizens.[^flyer] Whatever Hanawon gives you, it does not settle where he belongs.}

The timetable holds more than anyone could take in. Where do you put your strength?

* The words: the Southern dialect, the Latin letters on every sign, the counsellor's open door -> ar_hanawon_words
  ~ health += 1
* The money: cash machines, bills, bank books, the rules of the grant -> ar_hanawon_money
  ~ cash += 500

## ar_hanawon_words
place: hanawon
title: Words

Hanawon teaches the Latin alphabet and the Southern way of speaking.[^wikipedia-hanawon] The alphabet is the easy part. Shop signs and medicine boxes stop being pictures and turn into sounds, even if the sounds still mean nothing.

The dialect is harder, because it is your own language and not. The teacher plays recordings of a bank clerk, a landlord, a girl in a phone shop: the words are mostly ones you know; the music is not. You practise saying *excuse me* the Southern way until it stops sounding like someone else's voice.

{if who == mi_ok: About 30 % of the women who arrive at Hanawon show signs of depression.[^wikipedia-hanawon] The counsellor does not use the word. She asks how you sleep, and whether you dream about Musan, and she listens for a long time.}{if who != mi_ok: The counsellor keeps her door open in the afternoons. Most people walk past it for weeks before they go in.} {if health <= 1: You go in. You do not say much the first time, or the second. | You go in once, mostly to practise the dialect on her, and find yourself talking about home.}

On the last evening someone asks you for directions in the corridor, and for a moment they do not notice where you are from.

-> ar_grant_2019 if year == y2019
-> ar_grant

## ar_hanawon_money
place: hanawon
title: Money

There is a cash machine in the classroom that gives out play money. Hanawon teaches people from the North how to use one, and how to pay a bill.[^wikipedia-hanawon] The first time, the machine swallows your card and the whole class laughs, you loudest.

Then the harder lessons: a bank book, a phone contract, an electricity bill with a due date in small print. What interest means when someone else is charging it. Which offers to refuse.

You fill a notebook with the rules of the grant, and by the last week you have found a small payment you are owed that nobody mentioned, and claimed it.

{if debt > 0: You work out, on the last page of the notebook, what the broker will take from all of this. | You owe no one for your road, and you know how rare that makes you here.}

-> ar_grant_2019 if year == y2019
-> ar_grant

## ar_grant_2019
place: hanawon
title: The grant

// The 2019 grant is larger (8 m won against 6 m won): $1,500 more, at the rate above.
~ cash += 1500

-> ar_grant

## ar_grant
place: seoul
title: The grant

~ cash += 5000

You leave Hanawon with a key to a small flat on the ninth floor of a block like a hundred others{if who == myong_su and route == sea: , with your wife's hand in yours and your daughter running ahead to press the lift button}.

The basic settlement grant for one person is {if year == y2009: 6 million won; it was 10 million until it was cut in 2007,[^donga-2007-settlement] and the Chosun Ilbo reported 37 million for one person between 1998 and 2004.[^chosun-settlement-1998] | 8 million won, raised from 7 million in the middle of this year.[^yonhap-2019-settlement]} The Ministry of Unification's own page, as it stood in 2024, lists a housing subsidy of 16 million won on top, and incentives of up to 25.1 million won.[^mou-settlement] With what you brought, your bank book comes to about {cash as USD}, at the round rate of 1,200 won to the dollar that this story uses.

{if debt > 0: In the first week the phone rings. It is the broker, or a man speaking for him, and he is friendly and exact: you owe {debt as USD}, and he would like it soon. It is a common call: part of the settlement money often goes to repay brokers.[^globalpost-2011-brokers] | No broker calls. No one is owed for your road, and you know what that means: for many here, part of the settlement money goes straight to repaying brokers.[^globalpost-2011-brokers]}

* Pay him everything, now, from the grant -> ar_first_year if debt > 0 and cash >= debt
  ~ cash -= debt
  ~ debt = 0
* Give him all of the grant, and owe him the rest -> ar_first_year if debt > cash
  ~ debt -= cash
  ~ cash = 0
* {if debt > 0: Keep the grant in the bank, and pay him month by month from wages | Keep the grant in the bank} -> ar_first_year

## ar_first_year
place: seoul
title: The first year

The support lasts five years[^yonhap-2020-resettlement], and the people who run it know your name. For many it is the floor they stand on: in 2007, 63.5 % of defectors in the South were living on basic livelihood support; by 2013 it would be 35 %.[^donga-2014-welfare]

{if who == chol: You are enrolled at a school where you are two years older than everyone in your class, and still behind them. {if companion: Kwang-il is in the year below and finds you at every break.}}{if who == mi_ok: You learn the bus routes and the prices at the market, which are not prices you can bargain over.}{if who == myong_su: You walk the streets in the morning looking for anything that needs a strong back.} {if season == winter: The first winter is long, and the flat is warm, and that is almost worse: there is nothing to do but think. | The first summer is long and wet, and the evenings are the hardest part.}

Loneliness is the lesson nobody can teach. In a 2022 survey, 13.3 % of defectors said they had felt the impulse to end their lives, twice the rate in the general public, Asia Economy reported.[^asiaeconomy-2022-suicide] The number of your support worker is taped beside the door. {if health <= 1: On the worst nights you call it, and someone answers. | You have not needed it yet, and you leave it there.}

You have to decide what this year is for.

* Take the factory job: long shifts, better pay -> ar_work if health >= 2 and who != chol
  ~ cash += 1000
* {if who == chol: Leave school and work: deliveries, a restaurant kitchen | Take the work there is: a kitchen, a cleaning round} -> ar_work
* {if who == chol: Stay in school, however far behind you are | Study first: a training course, then a qualification} -> ar_study

## ar_work
place: seoul
title: Work

~ cash += 3500
~ debt -= 2000

{if who == chol: You carry food up stairs in a helmet that is too big for you, and learn the city by its back doors. | You are on your feet from seven to seven. The work is not hard by the standards of home; it is hard by the standards of a body that has been hungry for years.} Your accent gives you away with every sentence, and some people are kind about it and some are not.

{if debt > 0: Every month part of the pay goes to the broker, and you still owe {debt as USD}. | The broker is paid off, and what you save is yours.} By the end of the year you have about {cash as USD} in the bank.

In a Korea Hana Foundation survey of 11,914 defectors in 2016, 67 % said they were satisfied with their lives in the South and 3.5 % that they were not; of those who were not, 58 % blamed money and 31.7 % prejudice.[^koreaherald-2017-survey] On good days you would tick the first box. On bad days, the last two.

A man at work asks where you are really from. You tell him. He is quiet for a moment and then asks whether it is true that there is no rice up there. You tell him that too.

-> ar_family

## ar_study
place: seoul
title: Study

~ cash += 1000
~ debt -= 500

{if who == chol: You sit at the back and copy everything down, including what you do not understand. Your classmates are curious for a week, then they are not, which is better. | You are the oldest on the course by ten years, and you write the Latin letters slowly and very neatly.} An evening job pays for the bus and little else: by the end of the year you have about {cash as USD}{if debt > 0: , and still owe the broker {debt as USD}}.

It is the talk that marks you out, more than anything you do. In a 2018 survey, 20.2 % of defectors said they had been discriminated against in the past year, and about 70 % of them put it down to the way they spoke and behaved.[^kbs-2019-discrimination] Many who come from the North find it slow to settle among neighbours who meet them with prejudice.[^flyer]

A teacher keeps you back after class, and you expect trouble. Instead she asks what you want to do in five years. Nobody has asked you that before. You have no answer, and she says that is fine, for now.

-> ar_family

## ar_family
place: seoul
title: The people at home

{if who == mi_ok: Your son was twelve when you left him with your sister in Musan. {if years_hidden >= 1: He is older now than you can picture.} Every night you do the sum you did on the plane.}{if who == chol: There is no one in Hyesan waiting for a letter from you. {if companion: Kwang-il is here, asleep on your floor more nights than not, and he is the nearest thing to family you have. | There is the youngest of the boys you slept beside at the station, who was too small to come.}}{if who == myong_su: {if route == sea: Your wife and daughter are here. Your wife's mother stayed in the village; she said she was too old for the sea. | The logging camps kept the workers' passports, and the families at home were the guarantee that they came back.[^independent-logging] Your wife and daughter are still in the village in South Hwanghae. You do not know what has been done to them since you left.}}

Bringing people out is becoming the usual way to leave: by 2016, the Washington Post reported, most escapes were chain defections, paid for by relatives already in the South, at about $12,000 a person.[^wapo-2016-fifield] {if year == y2009: In 2011 the BBC put the price at about $3,500 to get someone into China and about $2,500 more from China to the South.[^bbc-2011-fees] The broker a woman at church knows asks $6,000. | Activists say the price was about $17,000 before the pandemic.[^kbs-2024-fees] The broker a woman at church knows asks $12,000.}

You have about {cash as USD}{if debt > 0: , and you still owe {debt as USD} for your own road; this broker will not lend to someone who owes another}.

* Pay a broker from your savings -> end_bringing_family if year == y2009 and cash >= 6000 and not (who == chol and companion) and not (who == myong_su and route == sea)
  ~ cash -= 6000
* Pay a broker from your savings -> end_bringing_family if year == y2019 and cash >= 12000 and not (who == chol and companion) and not (who == myong_su and route == sea)
  ~ cash -= 12000
* Pay what you have, and borrow the rest for the broker -> end_bringing_family if year == y2009 and cash < 6000 and debt == 0 and not (who == chol and companion) and not (who == myong_su and route == sea)
  ~ debt += 6000 - cash
  ~ cash = 0
* Pay what you have, and borrow the rest for the broker -> end_bringing_family if year == y2019 and cash < 12000 and debt == 0 and not (who == chol and companion) and not (who == myong_su and route == sea)
  ~ debt += 12000 - cash
  ~ cash = 0
* Send what you can spare north, and build your own life first -> end_new_life if cash >= 1000 and not (who == chol and companion)
  ~ cash -= 1000
* Build your own life first; the rest will have to wait -> end_new_life

## end_new_life
place: seoul
ending: safety
title: A life of your own

{if who == mi_ok: You keep the photograph of your son on the shelf by the door, where you see it every time you go out to work.} {if who == chol: {if years_hidden >= 1: You are seventeen now | You are sixteen now}, and some days you catch yourself talking like the boys around you.} {if who == myong_su: You find steady work at a boatyard on the coast, where nobody minds how you talk.} {if debt > 0: The broker's debt is down to {debt as USD}, and it shrinks every month. | You owe no one.} {if cash >= 1000: There is money in the bank, about {cash as USD}: not much, but it is yours. | There is almost nothing in the bank, but the rent is paid.}

Some days you feel like a visitor who has stayed too long. Some days you forget, for an hour at a time, that you were ever anywhere else. Both are part of it.

You are here. It is not the end of anything; it is the first year of a long one.

epilogue:
About 17,000 people from the North reached the South between 1999 and 2009[^mou-settlement]; by January 2026 the total was 34,538.[^joongang-2026-arrivals] Most find their feet slowly. The latest Korea Hana Foundation survey is reported to show 81.2 % satisfied and 61.3 % in work.[^hana-latest-survey] Not everyone does: in 2019 a mother and her son who had come from the North died in the South, apparently of starvation.[^yonhap-2020-resettlement]

After 2020 the road behind you almost closed. Arrivals fell to 229 in 2020, 63 in 2021 and 67 in 2022, then rose to 196 in 2023, 236 in 2024 and 224 in 2025.[^mou-settlement][^joongang-2026-arrivals] About ten of the 2023 arrivals came from the North's elite, Yonhap reported.[^yonhap-2024-arrivals] Most of those recent arrivals had left the North before 2020 and waited in China or other countries, most of them for more than five years.[^joongang-2025-recent] The basic grant rose to 10 million won in 2024, with 15 million proposed for 2025.[^ajp-2024-settlement]

{if who == mi_ok: *Mi-ok is a composite, drawn from documented cases of women from the border provinces. She is not one real person.*}{if who == chol: *Chol is a composite, drawn from documented cases of children who lived on the streets (kotjebi). He is not one real person.*}{if who == myong_su: *Myong-su is a composite, drawn from documented cases of North Korean loggers in Russia. He is not one real person.*}

## end_bringing_family
place: seoul
ending: safety
title: Waiting for the call

{if who == mi_ok: You give the broker your sister's name and the street in Musan, and a photograph of your son that is already out of date.}{if who == chol: You give the broker a description of a small boy at a station in Hyesan, and a name that may not be his real one. The broker looks at you for a long moment and then writes it down.}{if who == myong_su: You give the broker your wife's name and the name of a village in South Hwanghae, far from any border. He tells you it will take longer, and cost more if it goes wrong.}

{if debt > 0: You owe {debt as USD} now, and will for years. | You have paid, and there is almost nothing left.} Then there is nothing to do but work and wait. You sleep with the phone on the pillow. Every call from an unknown number stops your heart for a second.

You know the road they are on, because you took it. You know every place along it where it can go wrong.

epilogue:
By 2016 most escapes were chain defections like this one, paid for by relatives in the South at about $12,000 a person.[^wapo-2016-fifield] Under Kim Jong-un fees had doubled, to about $8,000 just to reach China.[^reuters-2015-fees] The border tightened on both sides, and a pastor quoted by the makers of the documentary *The Defector* put the fall in the number leaving at 44 %.[^defector-blog] Arrivals in the South fell from 2,706 in 2011 to 1,502 in 2012.[^mou-settlement]

In 2020 North Korea closed its border and ordered guards to shoot anyone who came within one kilometre of it, as Radio Free Asia and the commander of US forces in Korea reported.[^rfa-2020-shoot][^kbs-2020-abrams] Activists say a broker's fee has since risen to as much as $85,000.[^kbs-2024-fees] In 2024 only three of the people who reached the South had come directly from the North.[^get-2025-direct]

{if who == mi_ok: *Mi-ok is a composite, drawn from documented cases of women from the border provinces. She is not one real person.*}{if who == chol: *Chol is a composite, drawn from documented cases of children who lived on the streets (kotjebi). He is not one real person.*}{if who == myong_su: *Myong-su is a composite, drawn from documented cases of North Korean loggers in Russia. He is not one real person.*}

# Sent back {#sent-back}

## caught_in_china
place: yanji
title: Held

The cell smells of bleach and cigarettes. The police took your name, or the name you gave them, and whatever money you had on you{if papers: , and the Chinese identity card that was meant to make you someone else; it did not hold up}. Nobody is in a hurry now. China keeps the North Koreans it catches until there are enough of them to fill a bus, and then drives them to the border.[^hawk-2012]

{if years_hidden >= 2: You were in China for {years_hidden as words} years, and it ended in an afternoon. | All of China ended in an afternoon.} {if season == winter: The radiator knocks all night and never gets warm. | The window is high and open, and you can hear traffic and, once, children.}

{if (child) or (companion): {if child: Your younger son is not here. He was born in China, and a reporter who lived among defectors there writes that such children have no way back into the North: they are counted as the children of traitors.[^flyer] He stays on this side, with people you can only hope are kind.} {if companion: {if who == chol: Kwang-il is in the cell across the corridor. You can see his feet under the door. | Kyong-hui is in the next cell. You do not speak; you do not want to give anyone a reason to connect you.}}}

In the lining of your jacket is a scrap of paper with a telephone number on it, given to you in China by someone who said it could get you to the South one day. The older ones in the cell have been through this before. Get rid of anything that ties you to the South or to a church, they say, before the bridge.

* Tear it into small pieces and let them go down the drain -> sb_bus
* Keep it, folded small in the seam: without it there is no second try -> sb_bus
  ~ risk += 1

## sb_bus
place: tumen_city
title: The bus


It takes {if risk >= 3: nine days | a week} before there are enough of you. Then the bus: curtains drawn, a policeman at the front, thirty people who do not look at each other. Someone is praying under her breath. Someone else is asleep, or pretending to be.

China sends people back across the bridges at Onsong, Sinuiju, Musan, Hoeryong, Hyesan and Manpo.[^hawk-2012] On the other side, two agencies question them. One is the Bowibu, the state security police, who run the political prison camps called kwanliso. The other is the Anjeonbu, the ordinary police, who run the prisons called kyohwaso.[^hawk-2012]

In the seat in front, a woman explains in a whisper what the questions will be. She has been returned once before. She says it as if she were describing the weather.

{if health <= 1: You are feverish, and the bus's swaying makes it worse. You rest your head against the glass. | You watch the road, and count the kilometres to the river.}

-> sb_across_hyesan if who == chol
-> sb_across_musan

## sb_across_musan
place: musan
title: The bridge at Musan

The bus stops at the Chinese end of the bridge, and you walk across in a line. Musan is on the other side: your town. Your sister's house is a few streets from the river, and your son is in it, or at school, or in the market. He does not know you are a kilometre away.

The men who take you off the bridge are from the Bowibu. You do not look back at the river.

-> sb_questioning

## sb_across_hyesan
place: hyesan
title: The bridge at Hyesan

The bridge at Hyesan is short. You know the town on the other side better than anyone on the bus: the station where you slept, the market where you ate what other people dropped. {if companion: Kwang-il walks in front of you. His shoulders are shaking, and you are not allowed to touch him. | You walk alone, near the back.}

The men who take you off the bridge are from the Bowibu. You are {15 + years_hidden as words}; it makes no difference to them.

-> sb_questioning

## sb_questioning
place: onsong
title: Questions

The room has one table and two chairs, and you are not offered the second. The questions come in the order the woman on the bus predicted. Did you meet any South Koreans in China? Did you go to a church? Who taught you to pray?[^hawk-2012]

{if risk >= 3: Too many people in China knew where you had been: the people who hid you, the people you worked for, the others in the cell. Any of them may already have been asked about you. | Few people in China knew much about you. Whatever the officer has on paper is thin.} {if years_hidden >= 2: He wants to know what you did for {years_hidden as words} years, and with whom. | He wants to know what you did in China, and with whom.} He has a pen, and time.

* Deny it all: you crossed for food and work, and met no one -> sb_cell if risk < 3
* Deny it all: you crossed for food and work, and met no one -> sb_cell if risk >= 3
  ~ risk += 2
* Admit the small things they can find out anyway; say nothing of anyone from the South -> sb_cell
  ~ risk += 1
* Tell the truth, and refuse to give a single name -> sb_cell
  ~ risk += 2

## sb_cell
place: onsong
title: After the questions

{if risk >= 5: On the third day the officer reads you what they have: names, places, dates you thought no one had written down. The file is thicker than you feared. | The officer writes for a long time, and then there are no more questions for a while.}

The cell is crowded and nobody talks much. Food comes twice a day. People are taken out and do not come back, and nobody is told whether that is good news. {if health <= 1: You are ill, and the woman next to you gives you half her water. | You sleep sitting up, as everyone does.}

After questioning, most people returned from China go to short-term detention, the jipkyulso, or to labour-training camps, the rodong danryeondae. Graver cases go to the kyohwaso prisons or the kwanliso political camps.[^hawk-2012] The questions were about South Koreans and Christians, and your answers are in the file now.

You wait to hear which it will be.

-> sb_outcome_grave if risk >= 5
-> sb_outcome_mid if risk >= 3
-> sb_outcome_usual

## sb_outcome_usual
place: onsong
title: The decision

chance:
  assumption: Hawk names short-term detention or labour training as the usual outcome and the prisons and political camps as the outcome for graver cases, without giving shares. With a thin record and no admitted contact with South Koreans or Christians, we assume one in ten goes to the graver places.
  background: [^hawk-2012]
  90% -> end_repatriated
  10% -> end_sent_to_camp

## sb_outcome_mid
place: onsong
title: The decision

chance:
  assumption: A record that suggests contact, or small things admitted: the questions Hawk describes are aimed at exactly this. No source gives shares; we assume one in four such cases is treated as grave.
  background: [^hawk-2012]
  75% -> end_repatriated
  25% -> end_sent_to_camp

## sb_outcome_grave
place: onsong
title: The decision

chance:
  assumption: A file that shows contact with South Koreans or Christians, or a denial it contradicts. Hawk says graver cases go to prisons or political camps; we assume close to half of these do, since even then most returnees are still described as going to detention or labour training.
  background: [^hawk-2012]
  55% -> end_repatriated
  45% -> end_sent_to_camp

## end_repatriated
place: onsong
ending: caught
title: Sent back

The sentence, when it comes, is labour training: a rodong danryeondae, one of the labour-training camps, where death rates are high.[^hawk-2012] No one tells you for how long.

{if health <= 1: You go into it already weak. | You go into it with what strength China left you.} {if who == mi_ok: You wonder whether your sister knows where you are, and what she has told your son.} {if who == chol: You are {15 + years_hidden as words}, and there is no one to ask where you are. {if companion: Nobody will tell you where they have taken Kwang-il.}} You learn the rules of the place fast, because there is no other way to last.

This is where many journeys like yours end. It is not the end of your life; it is the part of it that the people who reach the South almost never see.

epilogue:
In 2014 a United Nations Commission of Inquiry found that people sent back from China are commonly tortured, detained without due process or summarily executed, and that they suffer forced abortions and other sexual violence.[^un-coi-2014] After questioning by state security or the police, most go to short-term detention or labour-training camps, where death rates are high; graver cases go to prisons or political camps.[^hawk-2012]

The returns went on after the border closed in 2020. On the night of 9 October 2023, just after the Asian Games in Hangzhou, China sent more than 500 people back through Tumen, Hunchun, Changbai, Dandong and Nanping, Radio Free Asia reported;[^rfa-2023-october] Justice for North Korea, reported by Yonhap, put the number at about 600.[^yonhap-2023-jfnk] More than 70 % of them were women.[^tjwg-2023] South Korea's Ministry of Unification said the reports appeared to be true; China said there were "no so-called defectors".[^mou-2023-statement] According to Daily NK, about 200 of them were then held for three months by state security in Sinuiju and Onsong.[^dailynk-2024-returnees] Human Rights Watch counted about 60 more returned on 26 April 2024.[^hrw-repatriations]

{if who == mi_ok: *Mi-ok is a composite, drawn from documented cases of women from the border provinces. She is not one real person.*}{if who == chol: *Chol is a composite, drawn from documented cases of children who lived on the streets (kotjebi). He is not one real person.*}{if who == myong_su: *Myong-su is a composite, drawn from documented cases of North Korean loggers in Russia. He is not one real person.*}

## end_sent_to_camp
place: onsong
ending: caught
title: The graver place

The officer does not tell you the sentence; someone else reads it out, quickly, in a corridor. Your case is graver than labour training. {if risk >= 5: It stays with the Bowibu, and the Bowibu run the political camps, the kwanliso.[^hawk-2012] | It goes to a kyohwaso, one of the prisons the ordinary police run.[^hawk-2012]} No one says for how long.

{if health <= 1: You are still ill when they move you. | You are moved at night, in a truck with the canvas tied down.} {if who == mi_ok: You think of your son in Musan, and hope that no one tells him where you are.} {if who == chol: You think of the station in Hyesan, which was cold and hungry and at least had a door you could walk out of.} {if who == myong_su: You think of the forest camp in Russia, and how you once thought that was the worst place there was.}

Your part of the story goes out of sight here.

epilogue:
The UN Commission of Inquiry reported in 2014 that torture, arbitrary detention, summary execution, forced abortion and other sexual violence are common for people returned from China.[^un-coi-2014] Interrogators ask about contact with South Koreans and Christians; graver cases go to the prisons and political camps.[^hawk-2012]

In 2020 North Korea closed its border and ordered that anyone within one kilometre of it be shot.[^rfa-2020-shoot][^kbs-2020-abrams] In January 2024 officials in Hyesan threatened would-be defectors with imprisonment or execution by firing squad.[^asiapress-2024-hyesan] China kept sending people back: Human Rights Watch recorded about 50 in July 2021, 80 on 29 August 2023 and 40 on 18 September 2023.[^hrw-repatriations] The UN Special Rapporteur estimated that more than 2,000 North Koreans were held in Chinese detention in 2023.[^yonhap-2023-rapporteur] Human Rights Watch says at least 1,076 have been returned since 2020, a figure it bases on a single source.[^hrw-2025-returns]

{if who == mi_ok: *Mi-ok is a composite, drawn from documented cases of women from the border provinces. She is not one real person.*}{if who == chol: *Chol is a composite, drawn from documented cases of children who lived on the streets (kotjebi). He is not one real person.*}{if who == myong_su: *Myong-su is a composite, drawn from documented cases of North Korean loggers in Russia. He is not one real person.*}
