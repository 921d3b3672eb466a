title: Sharing the Fare
var fare: -20..100 = 23
var people: 1..6 = 4
var paid = 0

## share
The fare is {fare}. Each of {people} pays {fare / people}, and {fare % people} is left over.
Nobody pays more than {min(fare, 10)}; the driver asks at least {max(fare / 3, 2)}.
* One more person {#join} -> share if people < 6
  ~ people += 1
* The driver lowers the fare {#lower} -> share
  ~ fare -= 30
* Pay {#pay} -> paid
  ~ paid = max(fare / people, 0) * people + fare % people

## paid
ending: safety
Paid {paid}; {-7 / 2} and {-7 % 2} by the rules.
