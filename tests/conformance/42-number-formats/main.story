title: The Exchange Counter
language: en
var cash "Cash, in US dollars" = 3500
var yuan = 0
var children = 2
var debt = -1250

## counter
You carry {cash as USD} ({cash as number} dollars, or {cash} as digits).
The fee is {yuan as CNY}; a room in Bangkok costs {cash * 2 as THB}, a ticket to Seoul {cash * 400 as KRW}.
You travel with {children as words} children{if children > 1: , {children as words} of them asleep}.
You owe {debt as USD}, or {debt as words} as a count.
* Change {cash as USD} into yuan -> changed
* Keep the dollars -> kept

## changed
~ yuan = cash * 7
~ cash = 0
~ children = 21
~ debt = 0
Now {yuan as CNY} and {cash as USD}: {children as words} people in the queue, and {1234567 as number} in the bank's records.
-> kept

## kept
ending: safety
{yuan as words} yuan.
