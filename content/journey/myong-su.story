// Myong-su's chapters: a North Korean logging camp in the Russian Far East, the road to
// the South Korean consulate in Vladivostok, and the way home to the West Sea coast.
// Prefix ms_. Exit: seoul_arrival (route = russia by the consulate, route = sea by boat).
// Endings owned here: end_russia_stranded (stranded), end_camp_sent_home (caught),
// ms_end_stayed (stayed).
// Variables set here: papers, season, risk, health, cash, companion, years_hidden, route.
// `companion` is Chang-ho in the camp and on the road to Vladivostok; on the way home it
// is reset, and set again only if Myong-su joins his neighbour's families in their boat.
// `route` is set to sea when a boat turns back (a retry reads it) and just before
// seoul_arrival; ms_end_stayed reads it to tell a boat that turned back from one that
// never left. It is set to russia just before seoul_arrival from the consulate.
# Myong-su {#myong-su}

## myong_su_start
place: tynda
title: The camp at Tynda
~ papers = false
~ season = winter

At night the frost splits the larches with a crack like a rifle shot, and in the morning
nobody mentions it. Here the winter goes below forty degrees under
zero.[^moscowtimes-2003-tynda] You are forty-four, a fisherman from a village on the coast
of South Hwanghae, and for as long as your contract lasts you cut timber in the Russian
Far East.

Camps like yours go back to a deal the Soviet Union and North Korea made in 1967, and
their work has been run from two bases: Tynda, where you are, and
Chegdomyn.[^wsj-rosett] When the Associated Press reported from Tynda in 2003, the timber
company here, Tynda-Les, had 3,000 workers, six in ten of them North Korean, and its camp
lay 1,000 kilometres north-west of Khabarovsk.[^moscowtimes-2003-tynda]

Your passport went into the camp office on the day you arrived, and it has stayed there.
The Independent found the same in the camps around Khabarovsk: the loggers' passports
taken from them, and their families at home held, in effect, as
hostages.[^independent-logging] Your wife, Sun-hee, and your daughter, Hyang-mi, who is
fifteen, are in the village by the sea. You think of them whenever a man in the barracks talks too
freely. {if year == y2019: The reporting this chapter rests on is older than your year: it runs from the 1990s to 2010. Where it says nothing about your time, the story says nothing either.}

Each evening the brigade's logs are counted at the landing. The brigade leader is not a
cruel man. He keeps a notebook, and the names of men who fall short go into it.

* Push to make the count, whatever the cold does to you -> ms_hung_tree
* Keep to a pace your body can hold until spring -> ms_payday
  ~ risk += 1

## ms_hung_tree
place: tynda
title: A hung tree

The work the loggers are sent to do is dangerous.[^flyer] The cold makes it worse: it
stiffens your fingers inside the mittens, and it makes the wood brittle and hard to
read.

By your third week you have the rhythm of it: saw, wedge, a shout, three steps back. Then,
late on a short afternoon, a larch you have cut clean through does not come down. Its
crown has caught in the branches of the tree beside it, and it hangs there at a slant,
its whole weight resting on a neighbour's limbs.

The quick way is to cut the holding tree and let both fall together. You have watched a
trunk twist as it falls and kick out sideways, and you know how little warning there is.

The brigade leader is at the landing, half a kilometre off, with his notebook. Fetching
him means losing an hour of light, and the hour means the count comes up short again.

* Cut the holding tree and bring both down -> ms_tree_roll
* Leave it hanging, walk to the landing, and lose the hour -> ms_payday

## ms_tree_roll
place: tynda
title: The cut

You clear the snow from around the holding tree, look back once along the path you will
run, and set the saw low on the trunk. The bar bites. The wood groans. High above you,
very slowly, the two crowns begin to move.

chance:
  assumption: The sources call the loggers' work dangerous but give no rate of injury. For a cut every logger knows to be risky, we assume about one chance in four of being hurt.
  25% -> ms_payday
    ~ health -= 2
  75% -> ms_payday

## ms_payday
place: tynda
title: Paper money

{if health <= 1: The two trunks came down together, and one of them kicked sideways. You remember the sky turning over, and then snow against your cheek. The camp's medic bound your leg between split boards, and for weeks you fed the barracks stove. Now you are back at the landing with a limp, and the cold finds the place where the bone broke. | The winter goes on, one count at a time.}

On paper, pay at Tynda-Les averaged about $200 a month when the Associated Press looked
in 2003.[^moscowtimes-2003-tynda] What reaches your hand is not money but scrip: slips the
camp issues and sets against your name in a ledger, to be settled when the contract ends.
The book *Crossing Heaven's Border* tells of loggers whose scrip turned out to be
worthless.[^flyer]

Sergei, a Russian who hauls logs from the landing to the railway, has another use for
you. He has a house in town, a stove that eats wood, and no time to split it. He pays in
dollars, he pays on the day he collects, and he does not ask your name.

Working for him would mean working on the rest days, while the others sleep. It would
also mean a Russian who knows your face, and a brigade that sees you walking back from
his lorry.

* Keep your head down and let the scrip add up in the ledger -> ms_chang_ho
* Split wood for Sergei on your rest days, for dollars -> ms_chang_ho
  ~ cash += 1000
  ~ risk += 1

## ms_chang_ho
place: tynda
title: Chang-ho

Chang-ho sleeps in the bunk below yours. He is twenty-eight, from a mining town in the
north-east, with no wife, no children, and parents who are dead. At night he talks with
his face to the wall, so that his voice goes no further than you.

He has been listening to the drivers, he says. The railway runs south to Khabarovsk;
beyond Khabarovsk is Vladivostok; and in Vladivostok the South has a consulate. Men have
got out this way. Everyone in the barracks has heard some version of it, and the record
bears out a small part: from the mid-1990s on, about a hundred former loggers reached
Seoul with help from Christian activists, by a count published in
2012.[^kirkpatrick-2012] Set that against the size of the camps — The Independent once
counted sixteen of them around Khabarovsk, holding 15,000 to 20,000
loggers[^independent-logging] — and a hundred is very few.

"There's no one at home they can lean on for me," Chang-ho says. "You have a wife and a
girl. So I'm asking. I'm not telling."

You lie awake a long time after he stops talking, listening to the stove tick as it
cools.

* Tell him you will go with him -> ms_letter
  ~ companion = true
  ~ risk += 1
* Tell him you cannot, and that his secret is safe with you -> ms_letter

## ms_letter
place: tynda
title: A letter from the coast

At the end of the winter a letter comes from Sun-hee. The envelope has been opened and
glued shut again by someone before you. She writes about ordinary things, and she writes
them carefully: the boats are out, the catch is thin, Hyang-mi is taller than her mother
now and wants to know whether Russia has a sea. They are waiting for you, she writes.
There is nothing in it a stranger could use.

You read it three times and keep it inside your shirt.

You can write back. Whatever you write, you expect someone other than Sun-hee to read it
first. You could fill a page with the weather and the work, the way every man in the
barracks does. Or you could tell her, in words only a fisherman's wife would hear
properly, that the tide may not bring you home the way it took you, and trust that no one
else hears it.

* Write about the weather and the work, and nothing else -> ms_crossroads
* Write to her about the tide, in words meant for her alone -> ms_crossroads
  ~ risk += 1

## ms_crossroads
place: tynda
title: Stay or go

This is the weight the camps hang on every man in them. The camp holds your passport; the
state at home holds your family.[^independent-logging] If you run, Sun-hee and Hyang-mi
stay exactly where they are, within reach of the people who sent you here, and you will
not be there to answer for what you did.

If you see the contract out, you go home to them with whatever your scrip turns out to be
worth,[^flyer] and the sea off your village is still there, and so are the boats.

{if companion: Chang-ho has fixed on going. He will go with you or without you, and soon. | Chang-ho has stopped talking about the road. You think he has made up his mind without you.} {if health <= 1: Your leg aches in the mornings. Wherever you go, it goes with you.}

* Run {if companion: with Chang-ho | alone}, and try for the South from here -> ms_when
* See out the contract, and go home to them -> ms_last_winter
  ~ companion = false

# Myong-su: the road to Vladivostok {#myong-su-russia}

## ms_when
place: tynda
title: When to go

Winter is the first guard here. At forty below,[^moscowtimes-2003-tynda] a night in the
open is a gamble with your hands and feet, {if health <= 1: and your leg is not what it was. | and you have seen what the cold does to a careless man.} But the nights are long,
people keep close to their stoves, and the lorries run on the frozen tracks all season.

In summer the nights are short and pale, the ground turns to bog and the air fills with
mosquitoes. It is easier on the body. It also means keeping the secret for months{if companion:, two men keeping it instead of one}, in a barracks where nothing stays private
for long.

* Go now, in the long dark of winter -> ms_leaving
  ~ season = winter
  ~ health -= 1
* Wait for the thaw, and keep the secret until then -> ms_leaving
  ~ season = summer
  ~ risk += 1

## ms_leaving
place: tynda
title: The road out

{if season == winter: You choose a night with no moon and snow coming. | You wait through the thaw and the first green, until a night of summer rain.} {if companion: Chang-ho has sewn crusts of bread into the lining of his jacket, and you have done the same. | You have sewn crusts of bread into the lining of your jacket.}

There are two ways out of the camp. Sergei's lorry leaves the landing loaded with logs,
and a man lying flat in a gap between them, under the tarpaulin, can pass the barrier
with the timber. {if cash >= 500: You have Sergei's dollars, and you think he might take some of them back for this. | You have nothing to offer Sergei, and you do not ask him.}

Or there is the railway line, which runs south through the forest from the siding. A man
walking the sleepers at night leaves no trail through the trees, and he needs no one's
help. {if health <= 1: It is a long way to walk on a leg like yours.}

* Pay Sergei $500 to carry you out under his load -> ms_truck_roll if cash >= 500
  ~ cash -= 500
* Walk out along the railway line at night -> ms_walk_roll
  ~ health -= 1

## ms_truck_roll
place: tynda
title: Under the load

Sergei stops where the track bends out of sight of the landing. {if companion: You and Chang-ho climb | You climb} into the gap he has left between the logs, and he pulls the
tarpaulin over and lashes it down. The lorry lurches off, and every rut goes through your
ribs.

At the barrier the engine idles for a long time. You hear voices, a laugh, and a boot on
the running board. You breathe as little as you can.

chance:
  assumption: No source counts loggers caught on their way out of a camp. With a paid driver who knows the road, we put the chance of being found at about one in ten, half the risk of walking out.
  90% -> ms_road_south
  10% -> end_camp_sent_home

## ms_walk_roll
place: tynda
title: Along the line

You step off the path at the edge of the camp, climb the railway embankment, and walk.
{if season == winter: Within the hour the cold comes up through your boots. The sleepers are ridged with ice, and your breath freezes on your collar. | The rain soaks you through in the first hour, and the mosquitoes find you in the second.} {if companion: Chang-ho walks ahead, and you keep your eyes on his back.}

Twice a train comes. You lie flat in the ditch and let it thunder past, and then you get
up and go on. By first light you need to be far enough away that the morning count is
someone else's problem.

chance:
  assumption: No source counts loggers caught on their way out of a camp. On foot, slower and in the open, we assume a man is about twice as likely to be found as one hidden in a lorry: about one in five.
  80% -> ms_road_south
  20% -> end_camp_sent_home

## ms_road_south
place: tynda
title: South

You are out. Khabarovsk lies about 1,000 kilometres to the
south-east.[^moscowtimes-2003-tynda] {if not papers: You have no passport, no permit, no paper of any kind with your name on it; the camp has them all.} {if cash >= 500: You have {cash as USD} sewn into your coat. | You have almost no money.}

The train is quick and it is warm, and in a crowded carriage one more tired man in a work
jacket may draw no attention at all. But a conductor walks the carriages, and so,
sometimes, does a man in uniform.

The timber lorries are slower. Some drivers will stop for a man at the roadside if he
looks harmless, and you hope the ones who stop will ask nothing. It means days in cold
cabs and colder lay-bys, and nights sleeping wherever you can.

* Take the train, and trust the crowd -> ms_khabarovsk
  ~ risk += 1
* Ride south on the timber lorries, one driver at a time -> ms_khabarovsk
  ~ health -= 1

## ms_khabarovsk
place: khabarovsk
title: Khabarovsk

Khabarovsk is the biggest city you have ever stood in: wide streets, tramlines, a river
so broad that the far bank is a grey line. {if health <= 1: You walk slowly, stiff and worn through from the road, and try not to look like a man who is hurt.} The Independent counted
sixteen North Korean logging camps around this city,[^independent-logging] and every
Korean face on the street makes you look twice: a logger on an errand, or a man sent to
find one.

You need somewhere to sleep tonight, and someone who can tell you what comes next. You
have three ideas, and each of them puts your life in someone else's hands.

At the central market a woman sells pickled vegetables and speaks Korean with her
customers, an old-fashioned Korean, the drivers said, from grandparents who came here long
ago. She might know how men like you get by.

The drivers also talked of a church in the city where South Koreans come and go. South
Koreans might help you. They might also be watched.

Or you can trust no one at all, and go straight on to Vladivostok and the consulate while
your luck holds.

* Go to the market, to the woman who speaks Korean -> ms_trader
* Look for the church the drivers talked about -> ms_activist
* Trust no one. Go on to Vladivostok alone -> ms_vladivostok
  ~ risk += 1

## ms_trader
place: khabarovsk
title: Tamara
~ risk += 1

Her name is Tamara. She looks at your hands before she looks at your face, and then she
sells her customer his cabbage for less than she was asking, to be rid of him.

She does not ask where you have come from. She asks whether you have eaten, and whether
anyone followed you. Then she lays it out the way a trader does, with the prices showing.

She has a storeroom behind the market with a cot in it. There is work carrying crates,
paid in cash by the week, and nobody who hires you will ask for papers. Men like you have
done it before, she says, and some of them are doing it still.

Or her nephew drives goods to Vladivostok twice a week, and he can take a passenger for
$500. After that you are on your own.

Or she can send word to a man at the church, the one the drivers talk about. She has done
that once before. She does not tell you how it ended.

Whatever you choose, you notice, one more person now knows exactly who you are.

* Take the cot and the work, for now -> ms_hidden
* Pay her nephew $500 to take you to Vladivostok -> ms_vladivostok if cash >= 500
  ~ cash -= 500
* Ask her to send word to the church -> ms_activist

## ms_activist
place: khabarovsk
title: Joseph

The man from the church asks you to call him Joseph. He is South Korean, perhaps fifty,
with a schoolteacher's glasses and a cheap phone that he keeps switched off. He brings
soup, and he listens to the whole of your story before he says anything at all.

He is not the first of his kind. Christian activists helped about a hundred former loggers
reach Seoul from the mid-1990s on.[^kirkpatrick-2012] Missionaries from the South have led
escapes and paid for them, often breaking the laws of the countries they work in to do
it.[^flyer] Joseph knows what he is risking, he says. So should you.

He asks about Sun-hee and Hyang-mi, and he does not pretend there is an answer to that.
Then he tells you his plan. He will drive you to Vladivostok himself, wait with you until
the street outside the consulate looks right, and walk you to the corner. He cannot go
through the gate with you. He cannot promise what happens at it.

{if companion: Chang-ho looks at you and waits. It is your face Joseph is watching. | You sit alone with him, and the soup goes cold.}

* Go with Joseph's plan -> ms_consulate_helped
* Thank him, and go on alone, so that he carries no risk for you -> ms_vladivostok

## ms_vladivostok
place: vladivostok
title: Vladivostok

{if years_hidden > 0: It has taken you {years_hidden as words} {if years_hidden == 1: year | years} in hiding to come this far.} {once: You smell the sea before you see it: salt, diesel, fish. For a moment you could be at home. | The sea smell meets you at the station again, and this time it does not make you think of home. It makes you think of the gate.}

{once: The record holds at least one case like the one you are carrying in your head. On 9 March 2010, according to the Associated Press, two loggers got inside the South Korean consulate in this city.[^ap-2010-vladivostok] {if companion: Two, you think. Like you and Chang-ho.} | You think again of the two loggers who got inside in 2010, and wonder where they are now.}

{once: You find the building on your second day. You walk past it once, on the far side of the street, and do not turn your head. There is a gate, and someone at it, and a stretch of pavement between the corner and the gate that a man could cross in thirty seconds. | The building is where you left it: the gate, the booth, the thirty seconds of pavement.} {if health <= 1: {once: Worn out as you are, it would take you longer. | Longer, for you, than for a man who has slept.}}

{if years_hidden == 0: You could still turn away. A port city has work for a man who asks for nothing, and you could wait for a better day. | You have waited long enough.}

* Go to the gate in the morning -> ms_consulate_street
* Find a room and work, and wait for a better day -> ms_hidden if years_hidden == 0

## ms_consulate_street
place: vladivostok
title: Thirty seconds

You wake before light and wash your face in cold water, so that you look like a man with
somewhere to be. {if companion: Chang-ho is already dressed. Neither of you eats.}

At the corner you stop and watch the street: a woman with a pram, a van unloading bread,
a policeman at the far end talking into his radio, who may be there every morning or
only this one. {if risk >= 4: Too many people have seen your face or heard your plan by now. You feel every one of them at your back.} {if health == 0: You are too worn out to run, and you know it. | {if health <= 1: You will not be able to run far.}}

You fold Sun-hee's letter smaller and push it deeper inside your shirt. Then you go.

-> ms_consulate_exposed if risk >= 4 or health == 0
-> ms_consulate_alone

## ms_consulate_alone
place: vladivostok
title: The gate

The pavement is longer than it looked. You keep your eyes on the gate and not on the
policeman, and you walk at the speed of a man who has an appointment.

chance:
  assumption: The Associated Press reported two loggers getting in here in 2010, but no source says how many tried and failed. For a man who is not yet watched and can still move, we assume an even chance.
  background: [^ap-2010-vladivostok]
  50% -> ms_inside
  50% -> end_camp_sent_home

## ms_consulate_exposed
place: vladivostok
title: The gate

You walk as fast as you can. It is not fast enough to stop you feeling the policeman at
the end of the street turn his head.

chance:
  assumption: No source says how many tried and failed. A man worn out by the road, or whose plan too many people know, we assume is stopped more often than not: about seven times in ten.
  background: [^ap-2010-vladivostok]
  30% -> ms_inside
  70% -> end_camp_sent_home

## ms_consulate_helped
place: vladivostok
title: With Joseph

Joseph drives south through a whole day and most of a night, and talks about anything
except where you are going: his daughter's exams, the price of petrol, the hymns he
learned as a boy. {if companion: Chang-ho sleeps in the back with his mouth open.}

In Vladivostok he parks two streets from the consulate and makes you wait in the car for
an hour while he walks around the block. When he comes back, he sits for a moment with
his hands on the wheel. Then he says, "Now," and walks you to the corner, and puts a hand
on your shoulder, and stops.

chance:
  assumption: About a hundred former loggers reached Seoul with help from Christian activists (Kirkpatrick, 2012); no source gives a rate of failure. With someone who knows the street choosing the moment, we assume somewhat better than even odds.
  background: [^kirkpatrick-2012]
  65% -> ms_inside
  35% -> end_camp_sent_home

## ms_inside
place: vladivostok
title: Inside

Then there is a door, and then the door is behind you, and the noise of the street stops
as if someone had switched it off.

A man in a pale shirt asks you something, and his Korean has the soft, quick sound of the
South that you have only ever heard in other people's stories. You tell him where you are
from. You tell him about the camp, and the passport in its office, and the ledger of
scrip. He writes it down and brings you tea in a paper cup. {if companion: Chang-ho laughs once, too loudly, and then puts his face in his hands.}

Nobody tells you how long you will wait here, and you find that you can wait. You take out
Sun-hee's letter, soft now at the folds, and read it again. The boats are out. The catch
is thin. Hyang-mi wants to know whether Russia has a sea.

You do not know yet what you will be able to tell them, or when, or what it will cost
them that you are here. You only know that you are.

* Sit down, and wait for what comes next -> seoul_arrival
  ~ route = russia

## ms_hidden
place: khabarovsk
title: Without papers

{if years_hidden == 0: You carry crates for Tamara's neighbours, then lay bricks for a man building a house outside the city, then strip an old roof. The pay comes in cash, by the week. You learn the Russian for *cement*, *tomorrow* and *no*. | You have been here {years_hidden as words} {if years_hidden == 1: year | years} now.} {if years_hidden >= 4: At some point you stopped deciding to stay and simply stayed.}

{if years_hidden == 0: Whenever a uniform turns into the street, you find a doorway to step into. You have no passport, and no paper of any kind that a policeman could look at; the camp still has yours, or someone does. | {if years_hidden == 1: You know now which streets the police walk, and at what hours, and which foremen pay on Fridays and which only promise to. | {if years_hidden == 2: A policeman stops you once, near the market, and lets you go for the money in your pocket. For a month afterwards you take the long way round. | {if years_hidden == 3: You have stopped stepping into doorways. A man who has lived somewhere this long walks like he belongs there, and mostly nobody asks. | {if years_hidden >= 4: Some of the foremen know your real name now. None of them has ever asked for your papers.}}}}} {if companion: {if years_hidden == 0: Chang-ho works on another site across the city. You see him on Sundays, and you talk about home as if it were a place you could visit. | {seq: Chang-ho still comes on Sundays. You talk about home less than you used to. | Chang-ho comes on Sundays when he can. He has a girl in the market now, and brings her once. | Chang-ho misses a Sunday, then another. When he comes, he talks about the girl. | Chang-ho comes less often. You understand; you do not say so.}}}

{if years_hidden == 0: You send nothing home. A letter might reach Sun-hee. It might as easily reach someone who would want to know where it came from. | {if years_hidden == 1: Another year without a letter home. You write them in your head instead, and tear them up there too. | {if years_hidden >= 2: Hyang-mi is {15 + years_hidden as words} now, if you have counted right. {seq: You try to picture her face and get her at fifteen, every time. | The picture of her at fifteen has started to fade, and you cannot get a newer one. | You picture her at the nets with her mother, and cannot see her face at all.}}}}

-> end_russia_stranded if years_hidden >= 4

* Stay another year -> ms_hidden_roll
* Go to Vladivostok and try the consulate after all -> ms_vladivostok if years_hidden >= 1
* Stop counting the years. This is where you live now -> end_russia_stranded if years_hidden >= 1

## ms_hidden_roll
place: khabarovsk
title: Another year

{if years_hidden == 0: The seasons turn over the city: the river freezes and thaws, the building sites shut for the worst of the cold and open again. You move rooms twice. | {if years_hidden == 1: Another winter. The river freezes so hard that lorries drive across it, and you spend the coldest weeks hauling coal for a boiler house that asks no questions. | {if years_hidden == 2: A spring flood takes the lower streets, and for a month there is more work than men to do it. You sleep where the work is. | {if years_hidden >= 3: The year goes by the way the others did, so quietly that afterwards you can hardly tell it from them.}}}} {if cash >= 500: {if years_hidden == 0: The dollars you have saved sit in a tin under a floorboard, and every month there are a few more. | {seq: The tin under the floorboard is heavier than it was. | The tin fills, slowly. You have nothing to spend it on that would take you home. | You move the tin to a new room, under a new floorboard. It is heavy now.}}}

chance:
  assumption: No source counts how often loggers living without papers in Russia were found. We assume about one chance in seven each year of being stopped by someone who asks for papers and does not let it go.
  85% -> ms_hidden
    ~ years_hidden += 1
    ~ cash += 500
  15% -> end_camp_sent_home

# Myong-su: the way home {#myong-su-home}

## ms_last_winter
place: tynda
title: The empty bunk
~ risk += 1

One morning Chang-ho's bunk is empty, his blanket folded square. By noon the whole camp
knows. By evening a security officer up from the town is seeing the men of your brigade
one at a time, in the office where the passports are kept.

You never learn where Chang-ho got to: a lorry, a train, a city, a gate.

When your turn comes, the officer has your file open in front of him. He knows you slept
in the bunk above Chang-ho. He wants to know what Chang-ho said at night.

You could give him the truth in a safe shape: that Chang-ho talked about the South. It
would cost Chang-ho nothing he has not already risked, you tell yourself, and it would put
your own name back on the right side of the page. Or you could say he talked of nothing
much, and let the officer make of that what he likes.

* Tell the officer that Chang-ho talked about the South -> ms_homecoming
  ~ risk -= 2
* Say that Chang-ho talked of nothing much -> ms_homecoming

## ms_homecoming
place: west_sea_coast
title: Home

The contract ends in the autumn. When the ledger is settled, the scrip that stood against
your name turns out to be what the book about these camps says such scrip became: close to
worthless.[^flyer] Months of felling, and you could carry what they bought home in one
hand.

{if cash >= 500: What you do bring is Sergei's money, {cash as USD}, sewn into the lining of your coat. | What you bring is yourself, and that has to be enough.}

Sun-hee is at the door before you reach it. Hyang-mi hangs back, taller than you
remember and shy of you, and then is not shy at all. {if health <= 1: Sun-hee sees how you walk and says nothing, and that night she sits up heating water for your leg.}

The boats are drawn up on the shingle where they always were. The village smells of salt
and smoke. You sleep for two days.

* Rest through the winter, and let your body mend -> ms_neighbour
  ~ health += 1
* Go straight back out with the fishing boats, and sell what you can -> ms_neighbour
  ~ cash += 500

## ms_neighbour
place: west_sea_coast
title: Yong-nam

Yong-nam has the next house along the shore and a wooden boat with an engine that he nurses
like a sick relative. One evening, mending nets on the beach, he asks whether in Russia
you ever thought about not coming back. He does not look at you while he asks.

Then he tells you what he has been thinking about for two years. South, across the water.
Not him alone: his wife, his brother's family, and, if you will come, yours.

The thought lands and stays. In the camp, running meant leaving Sun-hee and Hyang-mi
behind as the state's security for your good behaviour.[^independent-logging] This way,
no one would be left to answer for you. It also means putting your wife and your daughter
in a small boat on an open sea. {if risk >= 4: He has heard that a security officer asked questions about you after you came home. He asks you anyway. But he watches your face while you answer.}

* Listen to the whole of his plan -> ms_boat_plan
* Tell him you never heard the question -> ms_next_year

## ms_next_year
place: west_sea_coast
title: A year on the shore

Yong-nam does not raise it again. The year turns. The catch is thin in the spring and
thinner in the autumn, and twice the fishing boats are kept on the beach for weeks for
reasons nobody explains. Hyang-mi turns sixteen and asks you, once, what Russia was like,
and you tell her about the trees, and not about the rest.

You find that the question did not go away when you refused to hear it. You think about
it on the water, and at night, and when you watch your daughter mending nets with her
mother's quick hands and wonder what else those hands might do, somewhere else.

Then, on an evening much like the first one, Yong-nam sits down beside you on the
shingle. "Once more," he says, "and then I stop asking."

* Listen this time -> ms_boat_plan
* Tell him no, and mean it -> ms_end_stayed

## ms_boat_plan
place: west_sea_coast
title: A boat and a compass

Escapes by sea are rare. About 2 % of defectors had come out by way of Nampo and South
Hwanghae, your own province, the Chosun Ilbo reported in 2011.[^chosun-2011-boat] But there
are boats in the record. Fourteen people came out by sea in May 1997.[^latimes-1997-sea] On
30 October 2011, twenty-two people in a five-tonne wooden boat were found 38 kilometres
south of the Northern Limit Line, carrying about ten days' food and a
compass.[^chosun-2011-boat]

Yong-nam's boat is not much bigger than that one. He means to take twelve people,
and to do that he needs fuel, and fuel needs money. {if risk >= 4: But with a security officer's eye on you, he says, he cannot risk his brother's children on your name. Not this time. | {if cash >= 500: You have the dollars. | You have nothing to put into it, and he cannot carry a family that brings no fuel.}}

There is also your own boat, the one you fished from before the contract. It is small and
low in the water and slow. In it there would be three of you, and the secret would belong
to no one else.

* Put your dollars into Yong-nam's fuel, and go with his families -> ms_sea_when if cash >= 500 and risk < 4
  ~ cash -= 500
  ~ companion = true
* Take your own small boat: you, Sun-hee and Hyang-mi -> ms_sea_when
  ~ companion = false

## ms_sea_when
place: west_sea_coast
title: Waiting for weather

{if route == sea: When, again. You have seen now what the sea can do, and you have learned the one thing the record could not tell you: how it feels to turn back. | Every fisherman on this coast asks the same question before the sea: when. The boats in the record went in different seasons. The twenty-two were found at the end of October,[^chosun-2011-boat] and the fourteen crossed in May.[^latimes-1997-sea]}

{if route == sea: Late in the year, or in spring: the choice is the same as before, and it weighs more now that people have seen the boat go out and come back. | You know this water. Late in the year the nights are long and dark, which hides a boat, and the wind comes hard out of the north and piles up a short, steep sea. In spring the water lies flatter, but the nights are shorter, and between now and then there is a whole winter of keeping quiet{if companion:, among three families | , between you and Sun-hee}.}

{if route == sea: Hyang-mi knows now. She has stopped asking when, which is worse than if she asked. | Hyang-mi has not been told. She will not be told until the night itself.}

* Go before the winter, on the first dark night with a fair wind -> ms_setting_out
  ~ season = winter
* Wait for the calm of spring, and keep the secret until then -> ms_spring_wait
  ~ season = summer
  ~ risk += 1

## ms_spring_wait
place: west_sea_coast
title: The long winter

{if route == sea: This winter is harder than the last. People on the shore saw the boat go out and come back, and some of them have started to watch it. Sun-hee lays aside rice again, a handful at a time, and hides it in a different place. | The winter passes slowly. You mend the boat where anyone can see you mending it, because a fisherman who did not would be stranger. {if companion: Yong-nam's brother drinks more than he used to, and you watch him at every gathering.} Sun-hee lays aside rice a handful at a time. Once a man from the county office stops on the shore and asks about your engine, and you answer him, and he goes away, and for a week you hardly sleep.}

chance:
  assumption: No source counts sea escapes called off or given away before they began. We assume about one chance in seven that a secret kept through a whole winter does not hold.
  85% -> ms_setting_out
  15% -> ms_end_stayed

## ms_setting_out
place: west_sea_coast
title: The night you go

{if route == sea: Once more you carry the sacks down to the boat, the same ten days of food, the same compass in its oilcloth bag. {if season == winter: The wind is from the north again. | This time the night is still.} | {if season == winter: The night is black and the wind is fresh from the north. | The night is still and warm, and the stars are out.} You carry the food down to the boat in sacks: enough for about ten days, like the boat that was found in 2011, and a compass in an oilcloth bag.[^chosun-2011-boat]}

{if route == sea: This time Hyang-mi needs no telling. She is dressed before you come to wake her, both jumpers on, sitting on the edge of her mat. | You wake Hyang-mi last. You tell her in three sentences, and she listens to all three, and then she gets up and puts on both her jumpers without being asked.}

{if route == sea: Nobody speaks on the way down to the water. You push off as you did before, the engine silent, and row until the village is gone behind you, and then you start the engine and point the bow south, and do not look back. | {if companion: Yong-nam's families go down to the water in twos and threes, by different paths, to his boat and his brother's skiff. | There are only three of you, and the shingle is loud under your feet.} You push off with the engine silent and row until the lights of the village are a smudge.}

{if route == sea:  | Then you start the engine and point the bow south.}

-> ms_sea_rough if season == winter
-> ms_sea_calm

## ms_sea_rough
place: west_sea
title: Rough water

{if route == sea: The wind rises at midnight again, as if it had been waiting for you. Hyang-mi takes the compass without being asked, and Sun-hee is bailing before the first sea comes aboard. | By midnight the wind has risen. {if companion: Yong-nam's boat and his brother's skiff ride the seas a stone's throw apart, six people low in each, and every sea comes aboard green. | Your boat is small and the sea is not, and Sun-hee bails without stopping.} Hyang-mi holds the compass in both hands and calls out the heading each time you ask, and her voice does not shake.}

chance:
  assumption: Sea escapes are rare (about 2 % of defectors, Chosun Ilbo, 2011), and the record names the boats that got through, not the ones that failed. In the rough weather late in the year we assume three chances in five of getting across; the rest turn back before they are seen.
  background: [^chosun-2011-boat] [^flyer]
  60% -> ms_open_sea
  40% -> ms_turned_back
    ~ route = sea

## ms_sea_calm
place: west_sea
title: Flat water

{if route == sea: This time the sea lies flat, as if to make up for the last. Nobody sleeps. Every light on the horizon is a patrol until it is not. | The sea is kind. The engine runs sweetly, the stars stay out, and the boat leaves a long pale wake behind it that you wish were not so easy to see. {if companion: Nobody in either boat speaks above a whisper. | Sun-hee sleeps sitting up, with Hyang-mi's head in her lap.}}

chance:
  assumption: The record names boats that got through in May and October, and none that failed. In calm weather, with a seaman at the helm, we assume about four chances in five of getting across; the rest turn back before they are seen.
  background: [^chosun-2011-boat] [^latimes-1997-sea]
  80% -> ms_open_sea
  20% -> ms_turned_back
    ~ route = sea

## ms_turned_back
place: west_sea_coast
title: Turning back

{once: Before dawn you bring the boat round. {if companion: Yong-nam makes the call, and nobody argues with him.} There is no shame in it, only arithmetic: too much water in the bilge, too little fuel in the tank, too much sea still to cross. {if season == winter: The wind has been against you since midnight. | A patrol boat's lights crossed the horizon ahead of you twice in the night, and the second time they did not go away.} | You bring the boat round a second time, before dawn, and nobody in it says a word. The arithmetic is the same as before, and this time you knew it would be.}

{once: You come in on the last of the dark and row the final stretch with the engine off. You drag the boat up the shingle and carry Hyang-mi, asleep, up to the house. Nobody is waiting on the beach. If anyone saw, nobody says so. | This time there are lights on in two houses along the shore when you drag the boat up the shingle.}

{once: For days afterwards every knock at the door stops your heart. Then the days are ordinary again, and the boat is still there, and so is the sea. | This time the knocks at the door are real: a man from the county office, twice, asking about your engine and where you were that night.}

* Try again when the weather is right, once the talk has died down -> ms_sea_when if risk <= 2
  ~ risk += 3
* Put the boat away for good -> ms_end_stayed

## ms_open_sea
place: west_sea
title: Open water

By the second morning the coast has gone, and there is nothing in any direction but grey
water and the compass.

{if companion: Yong-nam's plan has always meant bringing everyone into his boat out here, once the land is out of sight, and letting the skiff go. Even a kind sea lifts the two hulls and drops them a man's height apart. People have done it before: in one of the rare sea escapes in *Crossing Heaven's Border*, defectors moved from boat to boat in rough seas.[^flyer] You are in the skiff. Yong-nam's boat is a rising and falling shape a few metres off, closer, then further, then closer again. | Your boat has taken more water in the night than you like. Sun-hee's hands are raw from the bailer, and the engine has begun to cough when the bow drops into a trough.}

{if season == winter: The wind has not let up since the night you left. | The swell is long and slow, and the sun is already warm.}

* {if companion: Move everyone across now, Hyang-mi first, while the two boats are close | Keep the bow into the seas and bail, and hold the heading} -> ms_south_waters
  ~ health -= 1
* {if companion: Wait for the swell to ease, though it means being out here in full daylight | Run off before the waves to spare the boat, and lose your heading for a day} -> ms_south_waters
  ~ risk += 1

## ms_south_waters
place: west_sea
title: South of the line

On the third day a grey ship comes up over the horizon, grows, and turns towards you.

Nobody in the boat says anything. Sun-hee takes Hyang-mi's hand. You have crossed water
all your life, and you do not know which side of a line on a chart you are on.

The ship slows, and a voice comes across the water through a loudspeaker, in Korean,
asking who you are and where you have come from. The accent is not yours.

{if companion: Yong-nam looks at you. You are the one who has been furthest from home; somehow that makes it your turn. | There is no one else to answer.}

* Stand up in the boat, and tell them where you are from -> seoul_arrival
  ~ route = sea

# Myong-su: endings {#myong-su-endings}

## end_camp_sent_home
place: tynda
ending: caught
title: Sent back

{if years_hidden > 0: After {years_hidden as words} {if years_hidden == 1: year | years}, it ends in a moment: a hand on your arm, a question you cannot answer, no papers to show. | It ends with a hand on your arm, and a question you have no papers to answer.} You are held,
and then you are handed over, and then you are put in a van with your wrists tied and
taken back to the camp that still has your passport. {if companion: You do not see Chang-ho again after that first day. You never find out whether he was luckier.}

In the office where the passports are kept, your file lies open on the desk. The contract
is finished for you: you are going home, under guard. What waits there you can only guess, and you guess all the way: not
about yourself, or not mostly, but about Sun-hee and Hyang-mi, and what your running will
cost them.

epilogue:
The record of what happened to loggers who were caught is thin. Reporting from the camps
in 1994, the Wall Street Journal heard Russian officials speak of torture and beatings in
them.[^wsj-rosett] The camps held the loggers' passports, and the families at home were,
in effect, hostages,[^independent-logging] which is why running was never a decision about
one man alone.

For people sent back to North Korea from China, the record is fuller. David Hawk's report
on the prison system found that interrogators ask about any contact with South
Koreans or Christians; people are then held in short-term detention centres (jipkyulso)
or in labour-training camps, where death rates are high, and graver cases go to prisons (kyohwaso) or
political prison camps (kwanliso).[^hawk-2012] In 2014 the UN Commission of Inquiry found
that torture and arbitrary detention were common for people forced back, along with
executions without trial and sexual violence.[^un-coi-2014] The sources used here do not
say whether loggers sent home from Russia were treated the same way.

After 2020 North Korea sealed its border and ordered its soldiers to shoot anyone within a
kilometre of it.[^rfa-2020-shoot][^kbs-2020-abrams] China sent more than 500 people back in
a single night on 9 October 2023, Radio Free Asia reported,[^rfa-2023-october] about 600
according to the group Justice for North Korea, as Yonhap reported it,[^yonhap-2023-jfnk] and at least 1,076 since 2020, according to Human Rights
Watch.[^hrw-2025-returns]

*Myong-su is a composite, drawn from documented cases of North Korean loggers in Russia. He is not one real person.*

## end_russia_stranded
place: khabarovsk
ending: stranded
title: Still here

You stop counting. There is a winter when you do not think about the consulate at all, and
then a spring when you realise that you have not.

You speak enough Russian now to argue about wages. {if cash >= 500: You have {cash as USD} in a tin under a floorboard, and nothing to spend them on that would take you home.} {if companion: Chang-ho has married a woman from the market and moved out to her village. He still comes into the city on Sundays, sometimes.} You have no passport and no
name on any list in this country, which is safety of a kind, and also the whole trouble.

Some nights you write letters to Sun-hee in your head, long ones, and never one on paper.
You do not know whether she thinks you are dead, or gone to the South, or living in a
room above a garage in Khabarovsk. You do not know which of those would be easiest for
Hyang-mi.

epilogue:
Few of the men who went to the camps reached the South. The Independent counted
15,000 to 20,000 loggers in sixteen camps around Khabarovsk alone;[^independent-logging]
against that, about a hundred former loggers reached Seoul from the mid-1990s on, with the
help of Christian activists.[^kirkpatrick-2012] On 9 March 2010, according to the
Associated Press, two loggers got into the South Korean consulate in
Vladivostok.[^ap-2010-vladivostok] How many others slipped away and stayed on in Russia
without papers, the sources used here do not say.

Years of waiting are now a common part of the road. Most of the people who reached South
Korea in recent years had left the North before 2020 and lived in China or another country
first, most of them for more than five years.[^joongang-2025-recent] After 2020 North
Korea sealed its border and ordered soldiers to shoot anyone within a kilometre of
it,[^rfa-2020-shoot][^kbs-2020-abrams] and arrivals in the South fell from 1,047 in 2019 to
229 in 2020, 63 in 2021 and 67 in 2022, before rising to 196 in
2023.[^mou-settlement] There were 236 in 2024 and 224 in 2025.[^joongang-2026-arrivals]

*Myong-su is a composite, drawn from documented cases of North Korean loggers in Russia. He is not one real person.*

## ms_end_stayed
place: west_sea_coast
ending: stayed
title: The shore

{if route == sea: You never take the boat that far out again. {if companion: Yong-nam sells his engine the next spring, and the two of you do not talk about why.} | The boat never leaves. {if risk >= 4: A man from the county office starts walking the shore in the evenings, and Yong-nam stops meeting your eye.} You go back to the nets and the season's catch, and the question is not asked again.}

Hyang-mi grows up. She marries a boy from the next village, and on clear days you can see
his father's boat from your door. Some evenings you stand on the shingle and look south
at water that looks the same as every other water. {if cash >= 500: The dollars stay sewn into the coat, in case.}

epilogue:
The sea is a rare road out. In 2011 the Chosun Ilbo put the share of defectors who had
come by way of Nampo and South Hwanghae at about 2 %.[^chosun-2011-boat] Boats do get
through: fourteen people in May 1997,[^latimes-1997-sea] and twenty-two in a five-tonne
wooden boat found south of the Northern Limit Line on 30 October 2011, with about ten days'
food and a compass.[^chosun-2011-boat] The sources used here name the boats that arrived;
they say nothing of the ones that turned back.

In August 2020 North Korea sealed its land border and ordered soldiers to shoot anyone
within a kilometre of it.[^rfa-2020-shoot][^kbs-2020-abrams] A few people still came by
sea: families crossed the West Sea on 6 May 2023,[^crossingborders-2023-sea] and four
people crossed the East Sea on 24 October 2023.[^scmp-2023-eastsea] Arrivals in the South
fell to 229 in 2020, 63 in 2021 and 67 in 2022, then 196 in 2023,[^mou-settlement] 236 in
2024 and 224 in 2025.[^joongang-2026-arrivals] Only three of the people who arrived in
2024 had come directly from the North.[^get-2025-direct]

*Myong-su is a composite, drawn from documented cases of North Korean loggers in Russia. He is not one real person.*
