title: The Ferry Office
var cash: 0..20 = 9

## office
Visit {visits(office)}. You have {cash}; a third is {cash / 3}, with {cash % 3} over.
* Ask about the ferry {#ask} {once}
  "It leaves at six," says the clerk.
  * Ask the fare {#fare}
    "{max(cash / 2, 4)} for you."
  * Thank her {#thanks}
    ~ cash -= 2
    You leave her a tip.
* Wait in line {#wait}
  The line does not move.
- {if seen(papers): Your papers are stamped.}
* Show your papers {#papers} -> papers -> office if not seen(papers)
* Pay {min(cash, 8)} {#pay} -> ferry if cash >= 8
  ~ cash -= min(cash, 8)
* -> street

## papers
The officer reads every line.
->->

## ferry
ending: safety
You board with {cash} left.

## street
ending: stranded
The office closes.
